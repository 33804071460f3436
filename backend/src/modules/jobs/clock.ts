import { Injectable } from '@nestjs/common';

/**
 * The time the job runner and the schedulers go by. Production reads the system clock; a test sets or
 * advances it to cross a deadline without waiting (the database's own now() is not affected).
 */
@Injectable()
export class Clock {
  private fixed: Date | null = null;

  now(): Date {
    return this.fixed ? new Date(this.fixed) : new Date();
  }

  /** Freezes the clock at `at` (tests). */
  set(at: Date): void {
    this.fixed = new Date(at);
  }

  /** Moves a frozen clock forward (tests). */
  advance(ms: number): void {
    this.fixed = new Date(this.now().getTime() + ms);
  }

  /** Back to the system clock. */
  reset(): void {
    this.fixed = null;
  }
}
