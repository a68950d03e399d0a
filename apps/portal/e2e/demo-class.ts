/**
 * The demo's open class of the new commune (program NTĐ), as PolCenter's public catalog gives it.
 * The demo places its open classes after the day it is seeded, so their dates and their codes' year
 * change with the calendar: tests ask for them instead of spelling them.
 */
export async function openDemoClass(polcenterUrl: string): Promise<{ code: string; dates: string }> {
  const response = await fetch(`${polcenterUrl}/trpc/classes.catalog?input=${encodeURIComponent('{}')}`);
  const body = (await response.json()) as {
    result: { data: { items: { code: string; startDate: string; endDate: string }[] } };
  };
  const found = body.result.data.items.find((item) => item.code.startsWith('NTĐ-01/'));
  if (!found) throw new Error('The demo catalog has no open NTĐ class');
  const dmy = (iso: string) => iso.split('-').reverse().join('/');
  return { code: found.code, dates: `${dmy(found.startDate)} – ${dmy(found.endDate)}` };
}
