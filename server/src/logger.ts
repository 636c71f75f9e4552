import pino, { type Logger } from 'pino';

/** JSON logs on stdout; credentials and cookies are redacted wherever they appear. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'argus' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        '*.password',
        '*.token',
        '*.csrfToken',
      ],
      censor: '[redacted]',
    },
  });
}
