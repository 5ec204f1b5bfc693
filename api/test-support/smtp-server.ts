// A small SMTP server for fault tests: it speaks enough of RFC 5321 for nodemailer, keeps
// every message it accepts, and while `failing` answers MAIL FROM with a temporary error
// (451), as a mail relay that is down or throttling does.
import net from 'node:net';

export type SmtpMessage = { from: string; to: string[]; data: string; messageId: string };
export type TestSmtpServer = { url: string; messages: SmtpMessage[]; refused: number; failing: boolean; close: () => Promise<void> };

export async function startSmtpServer(opts: { failing?: boolean } = {}): Promise<TestSmtpServer> {
  const sockets = new Set<net.Socket>();
  const state: TestSmtpServer = { url: '', messages: [], refused: 0, failing: opts.failing ?? false, close: async () => {} };
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    let buffer = '';
    let inData = false;
    let mail: { from: string; to: string[] } = { from: '', to: [] };
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply('220 test.smtp ESMTP ready');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('latin1');
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          const data = buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          inData = false;
          const messageId = /^Message-ID:\s*(\S+)/im.exec(data)?.[1] ?? '';
          state.messages.push({ ...mail, data, messageId });
          reply('250 2.0.0 queued');
          continue;
        }
        const eol = buffer.indexOf('\r\n');
        if (eol < 0) return;
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') reply('250 test.smtp');
        else if (verb === 'MAIL') {
          if (state.failing) {
            state.refused++;
            reply('451 4.3.0 Temporary failure, try again later');
          } else {
            mail = { from: line.slice(10), to: [] };
            reply('250 2.1.0 ok');
          }
        } else if (verb === 'RCPT') {
          mail.to.push(line.slice(8));
          reply('250 2.1.5 ok');
        } else if (verb === 'DATA') {
          inData = true;
          reply('354 end with <CRLF>.<CRLF>');
        } else if (verb === 'RSET') reply('250 ok');
        else if (verb === 'QUIT') {
          reply('221 bye');
          socket.end();
        } else reply('250 ok');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `smtp://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
  state.close = () => new Promise<void>((resolve) => {
    for (const s of sockets) s.destroy();
    server.close(() => resolve());
  });
  return state;
}
