/**
 * The server's one clock. Everything that asks "what day is it" or "what time is it now"
 * for a calendar decision (today's visits, who serves whom today, the quarter, the minute a
 * visit was checked in, today's shifts) reads it, through `config.clock`: so a test can set
 * "now" to 00:30 on a daylight-saving night and see the whole app agree. Expiries of sessions
 * and links are measured by the database's own now() and are not calendar decisions.
 */
import { osloNow } from '@tillit/contracts';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still at `at` until set or moved: for tests. */
export interface TestClock extends Clock {
  set(at: Date | string): void;
  advance(ms: number): void;
}

export function testClock(at: Date | string): TestClock {
  let t = new Date(at).getTime();
  return {
    now: () => new Date(t),
    set: (next) => {
      t = new Date(next).getTime();
    },
    advance: (ms) => {
      t += ms;
    },
  };
}

/** Today in Oslo and the minute now on Oslo's clock, by this clock. */
export const osloNowBy = (clock: Clock) => osloNow(clock.now());
