/** Where progress goes: a TTY gets one line redrawn in place, anything else a line every few runs. */
export interface ProgressTarget {
  write(text: string): unknown;
  isTTY?: boolean;
}

/**
 * Progress of the modes running side by side, e.g.
 * `naive ██████░░░░ 12/20 | seed ████░░░░░░ 8/20 | bedrock-flow ███░░░░░░░ 6/20`.
 * Redraws in place on a TTY; otherwise prints a line each time a run completes a tenth of the total.
 */
export class ProgressLine {
  readonly #target: ProgressTarget;
  readonly #total: number;
  readonly #done = new Map<string, number>();
  #lastPrintedTenth = 0;

  constructor(target: ProgressTarget, labels: readonly string[], total: number) {
    this.#target = target;
    this.#total = total;
    for (const label of labels) this.#done.set(label, 0);
  }

  /** Records one more finished run of `label` and redraws. */
  tick(label: string): void {
    this.#done.set(label, (this.#done.get(label) ?? 0) + 1);
    const line = this.render();
    if (this.#target.isTTY) {
      this.#target.write(`\r${line}`);
      return;
    }
    const all = [...this.#done.values()].reduce((a, b) => a + b, 0);
    const tenth = Math.floor((all * 10) / (this.#total * this.#done.size));
    if (tenth !== this.#lastPrintedTenth) {
      this.#lastPrintedTenth = tenth;
      this.#target.write(`${line}\n`);
    }
  }

  /** Ends the line (on a TTY) so the next output starts on a fresh line. */
  finish(): void {
    if (this.#target.isTTY) this.#target.write('\n');
  }

  /** The current line, without control characters. */
  render(): string {
    return [...this.#done.entries()]
      .map(([label, done]) => {
        const filled = Math.round((done / this.#total) * 10);
        return `${label} ${'█'.repeat(filled)}${'░'.repeat(10 - filled)} ${done}/${this.#total}`;
      })
      .join(' | ');
  }
}
