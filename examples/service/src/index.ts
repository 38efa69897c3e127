import { CircuitBreaker } from './circuit-breaker.js';
import { KafkaClient } from './kafka-client.js';
import { PostgresClient } from './postgres-client.js';
import { logger } from './logger.js';

export async function main(): Promise<void> {
  const kafka = new KafkaClient({ brokers: ['localhost:9092'], clientId: 'bridge', maxRetryAttempts: 3 });
  const postgres = new PostgresClient(process.env.DATABASE_URL ?? 'postgres://localhost/bridge');
  const breaker = new CircuitBreaker(5);

  const stored = await postgres.insertWorkflow({ id: 'wf-1', namespace: 'default', metadata: {} });
  if (stored) await kafka.publish('workflows', 'wf-1', { namespace: 'default' });
  kafka.sendHeartbeat();
  logger.info({ seconds: breaker.secondsInCurrentState() }, 'circuit breaker state');
  await postgres.close();
}
