import { formatPercent } from '../percent';

/** How sure Argus is, as a bar and in words ("82% sure"); below half reads as low, from 80% as high. */
export function ConfidenceMeter({ confidence }: { confidence: number }) {
  return (
    <span className="confidence">
      <meter min={0} max={1} low={0.5} high={0.8} optimum={1} value={confidence} aria-label="Confidence" />
      <span>{formatPercent(confidence)} sure</span>
    </span>
  );
}
