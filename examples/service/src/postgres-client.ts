import pg from 'pg';
import { logger } from './logger.js';

const { DatabaseError, Pool } = pg;

export interface WorkflowRow {
  id: string;
  namespace: string;
  metadata: Record<string, unknown>;
}

export class PostgresClient {
  private readonly pool: pg.Pool;

  constructor(connectionString: string) {
    this.pool = new Pool({ connectionString, max: 10 });
  }

  async warmup(size: number): Promise<void> {
    const connections: pg.PoolClient[] = [];
    for (let i = 0; i < size; i++) connections.push(await this.pool.connect());
    for (const conn of connections) {
      try {
        conn.release();
      } catch {
        // ignore
      }
    }
  }

  async insertWorkflow(row: WorkflowRow): Promise<boolean> {
    try {
      await this.pool.query('INSERT INTO workflows (id, namespace, metadata) VALUES ($1, $2, $3)', [
        row.id,
        row.namespace,
        row.metadata,
      ]);
      return true;
    } catch (err) {
      if (err instanceof DatabaseError && err.code === '23505') {
        logger.info({ id: row.id }, 'workflow already stored');
        return false;
      }
      return false;
    }
  }

  async findWorkflow(id: string): Promise<WorkflowRow | undefined> {
    try {
      const result = await this.pool.query<WorkflowRow>('SELECT * FROM workflows WHERE id = $1', [id]);
      return result.rows[0];
    } catch (err) {
      if (err instanceof DatabaseError && err.code === '57014') {
        logger.warn({ err, id }, 'query cancelled');
        return undefined;
      }
      throw err;
    }
  }

  parseMetadata(raw: string): Record<string, unknown> | undefined {
    try {
      return JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return undefined;
    }
  }

  async close(): Promise<void> {
    try {
      await this.pool.end();
    } catch {}
  }
}
