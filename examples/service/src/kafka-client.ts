import { Kafka, type Consumer, type Producer } from 'kafkajs';
import { logger } from './logger.js';

export interface KafkaClientOptions {
  brokers: string[];
  clientId: string;
  maxRetryAttempts: number;
}

export class KafkaClient {
  private readonly kafka: Kafka;
  private readonly producer: Producer;
  private readonly retryCounts = new Map<string, number>();

  constructor(private readonly options: KafkaClientOptions) {
    this.kafka = new Kafka({ clientId: options.clientId, brokers: options.brokers });
    this.producer = this.kafka.producer();
  }

  async publish(topic: string, key: string, value: unknown): Promise<void> {
    const retryKey = `${topic}:${key}`;
    try {
      await this.producer.send({ topic, messages: [{ key, value: JSON.stringify(value) }] });
      this.retryCounts.delete(retryKey);
    } catch (error) {
      // Give up on this key, and let the caller see the failure.
      this.retryCounts.set(retryKey, this.options.maxRetryAttempts + 1);
      throw error;
    }
  }

  sendHeartbeat(): void {
    this.producer
      .send({ topic: 'bridge.heartbeat', messages: [{ value: String(Date.now()) }] })
      .catch(() => {});
  }

  async createConsumer(groupId: string): Promise<Consumer | undefined> {
    const consumer = this.kafka.consumer({ groupId });
    try {
      await consumer.connect();
      return consumer;
    } catch (err) {
      logger.warn(`could not create consumer for ${groupId}: ${(err as Error).message}`);
      return undefined;
    }
  }
}
