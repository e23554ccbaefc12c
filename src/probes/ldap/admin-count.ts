/**
 * ACC007's tally: users the scan judged (in scope, critical system objects, built-in accounts by RID
 * and sync service accounts left out) that carry adminCount=1. Kept apart from the ScanAggregator:
 * it is one counter and a sample, read by its own fact.
 */
export class AdminCountTally {
  private count = 0;
  /** The lowest DNs in code-unit order, so the sample does not depend on which domain or page answered first. */
  private readonly sample: string[] = [];

  constructor(private readonly sampleSize = 10) {}

  add(dn: string): void {
    this.count++;
    if (this.sample.length === this.sampleSize && dn >= (this.sample.at(-1) as string)) return;
    let i = this.sample.length;
    while (i > 0 && (this.sample[i - 1] as string) > dn) i--;
    this.sample.splice(i, 0, dn);
    if (this.sample.length > this.sampleSize) this.sample.pop();
  }

  result(): { count: number; sample: string[] } {
    return { count: this.count, sample: [...this.sample] };
  }
}
