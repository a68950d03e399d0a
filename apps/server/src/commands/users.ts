import { createInterface } from 'node:readline';
import { type ApiTokenView, SYSTEM_ACTOR } from '@polcenter/core';
import { describeTokenScope, type LocalizedText, parseLifetimeDays, ROLES, type Role } from '@polcenter/domain';
import type { Command, Flags } from './types.js';
import { UsageError } from './types.js';
import { withLibrary } from './with-library.js';

/**
 * The password a script gives on stdin: one line, or two equal lines (the password and its
 * confirmation, as one would type it twice at a prompt). Anything else is refused with why, so a
 * wrong file piped in never becomes somebody's password.
 */
export function passwordFromInput(text: string): string {
  const lines = text.replace(/\r?\n$/, '').split(/\r?\n/);
  if (lines.length === 1) return lines[0] as string;
  if (lines.length === 2 && lines[0] === lines[1]) return lines[0] as string;
  throw new UsageError(
    lines.length === 2
      ? { vi: 'Hai dòng mật khẩu trên đầu vào chuẩn không giống nhau.', en: 'The two password lines on stdin differ.' }
      : {
          vi: `Đầu vào chuẩn có ${lines.length} dòng: hãy đưa mật khẩu trên một dòng (hoặc hai dòng giống nhau để xác nhận).`,
          en: `Stdin has ${lines.length} lines: give the password on one line (or two equal lines to confirm it).`,
        },
  );
}

/** Asks at a hidden prompt (nothing typed is echoed). */
async function ask(prompt: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
    if (s.startsWith(prompt)) process.stdout.write(prompt);
  };
  const answer = await new Promise<string>((resolve) => rl.question(prompt, resolve));
  rl.close();
  process.stdout.write('\n');
  return answer;
}

/** The password from stdin (scripts: `--password-stdin`), or typed twice at a hidden prompt. */
async function readPassword(flags: Flags): Promise<string> {
  if (flags['password-stdin'] || !process.stdin.isTTY) {
    let text = '';
    for await (const chunk of process.stdin) text += chunk;
    return passwordFromInput(text);
  }
  const password = await ask('Mật khẩu / Password: ');
  if ((await ask('Nhập lại mật khẩu / Repeat the password: ')) !== password) {
    throw new UsageError({ vi: 'Hai lần nhập mật khẩu không giống nhau.', en: 'The two passwords typed differ.' });
  }
  return password;
}

function required(value: string | undefined, flag: string): string {
  if (!value) throw new UsageError({ vi: `Thiếu --${flag}.`, en: `Missing --${flag}.` });
  return value;
}

export const userAddCommand: Command = {
  async run(settings, out, flags) {
    const username = required(flags.username, 'username');
    const roles = flags.role ?? [];
    if (roles.length === 0) throw new UsageError({ vi: 'Thiếu --role.', en: 'Missing --role.' });
    const unknown = roles.filter((r) => !ROLES.includes(r as Role));
    if (unknown.length > 0) {
      throw new UsageError({
        vi: `Vai trò không có: ${unknown.join(', ')} (có: ${ROLES.join(', ')}).`,
        en: `Unknown role: ${unknown.join(', ')} (known: ${ROLES.join(', ')}).`,
      });
    }
    const unitCodes = flags.unit ?? [];
    if (roles.some((r) => r !== 'admin') && unitCodes.length !== 1) {
      throw new UsageError({
        vi: 'Vai trò khác admin cần đúng một --unit (mã đơn vị, ví dụ 064).',
        en: 'Roles other than admin need exactly one --unit (a unit code, e.g. 064).',
      });
    }
    const password = await readPassword(flags);
    const user = await withLibrary(settings, out, async (polcenter) => {
      let unitId: string | null = null;
      if (unitCodes[0]) {
        unitId = (await polcenter.units.findByCode(unitCodes[0]))?.id ?? null;
        if (!unitId) {
          throw new UsageError({
            vi: `Không có đơn vị mã "${unitCodes[0]}".`,
            en: `No unit with code "${unitCodes[0]}".`,
          });
        }
      }
      return polcenter.auth.createUser(
        { id: null, label: 'cli' },
        {
          username,
          displayName: flags.name ?? username,
          password,
          roles: roles.map((role) => ({ role: role as Role, unitId: role === 'admin' ? null : unitId })),
        },
      );
    });
    out.say({
      vi: `Đã tạo tài khoản ${user.username} (${user.roles.map((r) => r.role).join(', ')}).`,
      en: `Created account ${user.username} (${user.roles.map((r) => r.role).join(', ')}).`,
    });
  },
};

const VIETNAM_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
/** An instant as staff read it: dd/mm/yyyy HH:mm, Vietnam time. */
function shown(iso: string | null): string {
  if (!iso) return '—';
  const part = Object.fromEntries(VIETNAM_TIME.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${part.day}/${part.month}/${part.year} ${part.hour}:${part.minute}`;
}

const STATUS: Record<ApiTokenView['status'], LocalizedText> = {
  active: { vi: 'còn hiệu lực', en: 'active' },
  expired: { vi: 'hết hạn', en: 'expired' },
  revoked: { vi: 'đã thu hồi', en: 'revoked' },
};

export const tokenAddCommand: Command = {
  async run(settings, out, flags) {
    const username = required(flags.username, 'username');
    // --name was the flag's first spelling; scripts written for it keep working.
    const label = required(flags.label ?? flags.name, 'label');
    let expiresInDays: number | undefined;
    if (flags.expires !== undefined) {
      const days = parseLifetimeDays(flags.expires);
      if (days === null) {
        throw new UsageError({
          vi: `--expires "${flags.expires}" không đọc được; viết như 90d, 12w hoặc 1y.`,
          en: `--expires "${flags.expires}" cannot be read; write it as 90d, 12w or 1y.`,
        });
      }
      expiresInDays = days;
    }
    // Scripts read the token from the first line: the database's notes (which one is used) stay out.
    const created = await withLibrary(settings, { ...out, note: () => {} }, async (polcenter) => {
      const userId = await polcenter.auth.userIdOf(username);
      if (!userId) throw new UsageError({ vi: `Không có tài khoản "${username}".`, en: `No account "${username}".` });
      return polcenter.auth.createApiToken(SYSTEM_ACTOR, userId, {
        label,
        ...(flags.scope !== undefined ? { scope: flags.scope } : {}),
        ...(expiresInDays !== undefined ? { expiresInDays } : {}),
      });
    });
    // The token alone on the first line, for scripts; it is shown this once.
    out.say(created.token);
    const scope = describeTokenScope(created.scope);
    out.note({
      vi: `mã ${created.id}: "${created.label}", ${scope.vi}, hết hạn ${shown(created.expiresAt)}. Mã chỉ hiện lần này.`,
      en: `token ${created.id}: "${created.label}", ${scope.en}, expires ${shown(created.expiresAt)}. Shown this once.`,
    });
  },
};

export const tokenListCommand: Command = {
  async run(settings, out, flags) {
    const tokens = await withLibrary(settings, out, async (polcenter) => {
      if (!flags.username) return polcenter.auth.listApiTokens();
      const userId = await polcenter.auth.userIdOf(flags.username);
      if (!userId) {
        throw new UsageError({ vi: `Không có tài khoản "${flags.username}".`, en: `No account "${flags.username}".` });
      }
      return polcenter.auth.listApiTokens({ userId });
    });
    if (tokens.length === 0) {
      out.say({ vi: 'Chưa có mã API nào.', en: 'No API tokens.' });
      return;
    }
    const head =
      out.lang === 'vi'
        ? ['Mã', 'Tài khoản', 'Nhãn', 'Phạm vi', 'Hết hạn', 'Dùng lần cuối', 'Tình trạng']
        : ['Id', 'Account', 'Label', 'Scope', 'Expires', 'Last used', 'Status'];
    const rows = tokens.map((t) => [
      t.id,
      t.username,
      t.label,
      t.scopeText,
      shown(t.expiresAt),
      shown(t.lastUsedAt),
      STATUS[t.status][out.lang],
    ]);
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
    for (const line of [head, ...rows])
      out.say(
        line
          .map((cell, i) => cell.padEnd(widths[i] ?? 0))
          .join('  ')
          .trimEnd(),
      );
  },
};

export const tokenRevokeCommand: Command = {
  async run(settings, out, _flags, args) {
    const [id] = args;
    if (!id) throw new UsageError({ vi: 'Thiếu mã số của mã API.', en: 'Missing the API token id.' });
    const revoked = await withLibrary(settings, out, (polcenter) => polcenter.auth.revokeApiToken(SYSTEM_ACTOR, id));
    out.say({
      vi: `Đã thu hồi mã API "${revoked.label}" của ${revoked.username}.`,
      en: `Revoked the API token "${revoked.label}" of ${revoked.username}.`,
    });
  },
};
