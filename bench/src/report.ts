/** One reported figure: printed as a line and written to results/latest.json. */
export interface Figure {
  scenario: string;
  name: string;
  value: number;
  unit: string;
  /** The target from the benchmarks issue, when there is one. */
  target?: { op: '<=' | '>='; value: number };
  note?: string;
}

/** Collects figures and prints each as it comes. */
export class Report {
  readonly figures: Figure[] = [];

  add(figure: Figure): void {
    this.figures.push(figure);
    const target = figure.target ? `  (target ${figure.target.op} ${figure.target.value} ${figure.unit}: ${meets(figure) ? 'met' : 'MISSED'})` : '';
    const note = figure.note ? `  [${figure.note}]` : '';
    console.log(`${figure.scenario.padEnd(4)} ${figure.name.padEnd(48)} ${format(figure.value).padStart(10)} ${figure.unit}${target}${note}`);
  }
}

export function meets(figure: Figure): boolean {
  if (!figure.target) return true;
  return figure.target.op === '<=' ? figure.value <= figure.target.value : figure.value >= figure.target.value;
}

function format(value: number): string {
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}
