import { createInterface } from 'node:readline';
import { SYSTEM_ACTOR } from '@polcenter/core';
import { ROLES, type Role } from '@polcenter/domain';
import type { Command, Flags } from './types';
import { UsageError } from './types';
import { withLibrary } from './with-library';

/** The password from stdin (scripts: `--password-stdin`), or typed at a hidden prompt. */
async function readPassword(flags: Flags, prompt: string): Promise<string> {
  if (flags['password-stdin'] || !process.stdin.isTTY) {
    let text = '';
    for await (const chunk of process.stdin) text += chunk;
    return text.replace(/\r?\n$/, '');
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  // Echo nothing of what is typed after the prompt.
  (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
    if (s.startsWith(prompt)) process.stdout.write(prompt);
  };
  const answer = await new Promise<string>((resolve) => rl.question(prompt, resolve));
  rl.close();
  process.stdout.write('\n');
  return answer;
}

function required(value: string | undefined, flag: string): string {
  if (!value) throw new UsageError({ vi: `Thiếu --${flag}.`, en: `Missing --${flag}.` });
  return value;
}

export const userAddCommand: Command = {
  summary: {
    vi: 'tạo tài khoản cán bộ: --username, --name, --role (lặp lại được), --unit mã đơn vị; mật khẩu hỏi khi chạy',
    en: 'create a staff account: --username, --name, --role (repeatable), --unit code; password asked for',
  },
  flags: ['username', 'name', 'role', 'unit', 'password-stdin'],
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
    const password = await readPassword(flags, 'Mật khẩu / Password: ');
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

export const tokenAddCommand: Command = {
  summary: {
    vi: 'tạo mã API cho ứng dụng khác: --username chủ mã, --name tên ứng dụng',
    en: 'create an API token for another app: --username owner, --name app name',
  },
  flags: ['username', 'name'],
  async run(settings, out, flags) {
    const username = required(flags.username, 'username');
    const name = required(flags.name, 'name');
    const token = await withLibrary(settings, out, async (polcenter) => {
      const userId = await polcenter.auth.userIdOf(username);
      if (!userId) throw new UsageError({ vi: `Không có tài khoản "${username}".`, en: `No account "${username}".` });
      return polcenter.auth.createApiToken(SYSTEM_ACTOR, userId, name);
    });
    out.say(token.token);
  },
};
