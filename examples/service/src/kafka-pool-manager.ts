import type { Kafka, Producer } from 'kafkajs';
import { logger } from './logger.js';

interface ProducerWrapper {
  producer: Producer;
  healthy: boolean;
  createdAt: number;
}

export class KafkaPoolManager {
  private readonly pool: ProducerWrapper[] = [];

  constructor(private readonly kafka: Kafka) {}

  async acquire(): Promise<Producer> {
    const wrapper = this.pool.find((candidate) => candidate.healthy);
    if (wrapper) return wrapper.producer;
    return this.add();
  }

  async replaceUnhealthy(wrapper: ProducerWrapper): Promise<Producer> {
    wrapper.healthy = false;
    try {
      await wrapper.producer.disconnect();
    } catch (e) {}
    this.pool.splice(this.pool.indexOf(wrapper), 1);
    logger.info({ age: Date.now() - wrapper.createdAt }, 'replaced unhealthy producer');
    return this.add();
  }

  private async add(): Promise<Producer> {
    const producer = this.kafka.producer();
    await producer.connect();
    this.pool.push({ producer, healthy: true, createdAt: Date.now() });
    return producer;
  }
}
