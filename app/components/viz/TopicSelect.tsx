/** A choice of one topic, or all of them (`all` names that choice). */
export function TopicSelect({
  label,
  all,
  value,
  topics,
  onChange,
  maxWidth,
}: {
  /** What the choice does, for a screen reader. */
  label: string;
  all: string;
  value: number | null;
  topics: readonly { id: number; label: string }[];
  onChange: (topic: number | null) => void;
  maxWidth: number;
}) {
  return (
    <select
      aria-label={label}
      value={value ?? ''}
      onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}
      style={{ maxWidth }}
    >
      <option value="">{all}</option>
      {topics.map((t) => (
        <option key={t.id} value={t.id}>
          {t.label}
        </option>
      ))}
    </select>
  );
}
