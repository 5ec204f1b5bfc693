// Sending e-mail through nodemailer: SMTP when SMTP_URL is set, otherwise each message is
// written to the development outbox folder (one .eml file per message) for people to read.
import fs from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Config } from '../config.ts';

export type OutgoingMail = {
  /** Stable per message: a retried job overwrites its own outbox file instead of adding one. */
  key: string;
  to: string;
  subject: string;
  text: string;
  attachments?: { filename: string; content: string; contentType: string }[];
};

export type Mailer = { kind: 'smtp' | 'outbox'; send: (mail: OutgoingMail) => Promise<void> };

export function createMailer(config: Config['mail']): Mailer {
  const messageId = (key: string) => `<${key.replace(/[^A-Za-z0-9.-]/g, '-')}@pavilion>`;
  if (config.smtpUrl) {
    const transport = nodemailer.createTransport(config.smtpUrl);
    return {
      kind: 'smtp',
      send: async (m) => {
        await transport.sendMail({ from: config.from, to: m.to, subject: m.subject, text: m.text, attachments: m.attachments, messageId: messageId(m.key) });
      },
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return {
    kind: 'outbox',
    send: async (m) => {
      const info = await transport.sendMail({ from: config.from, to: m.to, subject: m.subject, text: m.text, attachments: m.attachments, messageId: messageId(m.key) });
      // Asynchronous: a burst of mail must not hold up the requests this process serves.
      await fs.promises.mkdir(config.outboxDir, { recursive: true });
      const file = path.join(config.outboxDir, `${m.key.replace(/[^A-Za-z0-9.-]/g, '_')}.eml`);
      await fs.promises.writeFile(`${file}.tmp`, info.message as Buffer);
      await fs.promises.rename(`${file}.tmp`, file);
    },
  };
}
