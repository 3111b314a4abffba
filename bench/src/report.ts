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

/** Collects figures and prints each as it comes; `sink` also forwards each one (a scenario's child process to the runner). */
export class Report {
  readonly figures: Figure[] = [];

  constructor(private readonly sink?: (figure: Figure) => void) {}

  add(figure: Figure): void {
    this.figures.push(figure);
    if (this.sink) {
      this.sink(figure);
      return;
    }
    console.log(formatFigure(figure));
  }

  /** A line of context that is not a figure (what ran, why a scenario was skipped). */
  note(scenario: string, text: string): void {
    console.log(`${scenario.padEnd(4)} ${text}`);
  }
}

/** The printed line of a figure. */
export function formatFigure(figure: Figure): string {
  const target = figure.target ? `  (target ${figure.target.op} ${figure.target.value} ${figure.unit}: ${meets(figure) ? 'met' : 'MISSED'})` : '';
  const note = figure.note ? `  [${figure.note}]` : '';
  return `${figure.scenario.padEnd(4)} ${figure.name.padEnd(52)} ${formatValue(figure.value).padStart(10)} ${figure.unit}${target}${note}`;
}

/** Whether a figure meets its target (figures without one always do). */
export function meets(figure: Figure): boolean {
  if (!figure.target) return true;
  return figure.target.op === '<=' ? figure.value <= figure.target.value : figure.value >= figure.target.value;
}

/** A number with 3 significant digits, or as an integer from 100 up. */
export function formatValue(value: number): string {
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}
