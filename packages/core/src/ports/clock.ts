/** Where core gets the time: passed in, never read from a global. */
export interface Clock {
  now(): Date;
}
