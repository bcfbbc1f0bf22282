import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Work written in the same transaction as the state change that caused it; a relay moves it to BullMQ.
 * So an upload accepted while Redis is down is processed when Redis is back.
 */
@Entity('outbox')
export class OutboxEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id: string;
  /** Names the row's queue job: random, so no other row of this or any other database (or backup) shares it. */
  @Column({ name: 'job_key', type: 'uuid', default: () => 'gen_random_uuid()' }) jobKey: string;
  @Column({ type: 'text' }) topic: string;
  @Column({ type: 'jsonb' }) payload: Record<string, unknown>;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'dispatched_at', type: 'timestamptz', nullable: true }) dispatchedAt: Date | null;
}
