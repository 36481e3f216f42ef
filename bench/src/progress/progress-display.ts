import { SingleBar, Presets } from 'cli-progress';

/**
 * One progress bar per scenario on a terminal (cli-progress); on a pipe, a line at every quarter so CI logs stay
 * short.
 */
export class ProgressDisplay {
  #bar: SingleBar | undefined;
  #label = '';
  #total = 0;
  #lastQuarter = -1;
  readonly #tty = Boolean(process.stderr.isTTY);

  /** Starts a bar (or a log line) for a scenario of `total` units. */
  start(label: string, total: number): void {
    this.stop();
    this.#label = label;
    this.#total = total;
    this.#lastQuarter = -1;
    if (this.#tty) {
      this.#bar = new SingleBar(
        { format: `${label.padEnd(12)} [{bar}] {percentage}% | {value}/{total} | ETA {eta_formatted} | {detail}`, hideCursor: true, clearOnComplete: false, stream: process.stderr },
        Presets.shades_classic,
      );
      this.#bar.start(total, 0, { detail: '' });
    } else {
      process.stderr.write(`${label}: started (${total} steps)\n`);
    }
  }

  /** Moves the bar to `done` units; `detail` names the current row. */
  update(done: number, detail = ''): void {
    if (this.#bar) {
      this.#bar.update(done, { detail: detail.slice(0, 40) });
      return;
    }
    const quarter = Math.floor((done / Math.max(1, this.#total)) * 4);
    if (quarter > this.#lastQuarter && quarter < 4) {
      this.#lastQuarter = quarter;
      if (quarter > 0) process.stderr.write(`${this.#label}: ${quarter * 25}%\n`);
    }
  }

  /** Ends the current bar, if any. */
  stop(): void {
    this.#bar?.stop();
    this.#bar = undefined;
  }

  /** Prints a line below the bars. */
  log(line: string): void {
    this.stop();
    process.stderr.write(`${line}\n`);
  }
}
