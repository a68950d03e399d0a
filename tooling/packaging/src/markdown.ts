/**
 * The fenced blocks of a Markdown page that name what they are: ```ts file=tour.ts, ```text output.
 * Docs and tests share these blocks, so a page cannot drift from what CI runs.
 */
export function namedBlocks(markdown: string): Map<string, string> {
  const blocks = new Map<string, string>();
  for (const match of markdown.matchAll(/^```\w*[ \t]+(file=\S+|output)[ \t]*\n([\s\S]*?)^```[ \t]*$/gm)) {
    const [, label = '', body = ''] = match;
    blocks.set(label.replace(/^file=/, ''), body);
  }
  return blocks;
}
