import { describeUnexpected } from '../output.js';
import { startServer } from '../start.js';
import type { Command } from './types.js';

export const startCommand: Command = {
  async run(settings, out) {
    const server = await startServer(settings, out);
    out.say({
      vi: `PolCenter đang chạy tại ${server.url} — dữ liệu: ${server.where}. Nhấn Ctrl-C để dừng.`,
      en: `PolCenter is listening on ${server.url} — data: ${server.where}. Press Ctrl-C to stop.`,
    });
    await new Promise<void>((resolve) => {
      let stopping = false;
      const stop = (signal: NodeJS.Signals) => {
        if (stopping) {
          out.fail({ vi: 'Dừng ngay.', en: 'Stopping now.' });
          process.exit(130);
        }
        stopping = true;
        out.say({ vi: `Đã nhận ${signal}, đang dừng…`, en: `Received ${signal}, stopping…` });
        server.stop().then(resolve, (error) => {
          out.fail({
            vi: `Dừng không trọn vẹn (${describeUnexpected(error)}).`,
            en: `Stopped with an error (${describeUnexpected(error)}).`,
          });
          process.exit(1);
        });
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    out.say({ vi: 'Đã dừng máy chủ và cơ sở dữ liệu.', en: 'Server and database stopped.' });
  },
};
