/** What every part is run with: the run's mode and seed, and options from the command line. */
export interface PartContext {
  /** A reduced run for a quick look; its figures are marked quick. */
  readonly quick: boolean;
  /** The seed every workload is generated from. */
  readonly seed: number;
  /** How many processes run the sync clients (1: the bench process itself). */
  readonly clientProcesses: number;
  /** Progress lines for the person watching. */
  log(line: string): void;
}
