import { pino } from 'pino';

export const logger = pino({ name: 'bridge-service', level: process.env.LOG_LEVEL ?? 'info' });
