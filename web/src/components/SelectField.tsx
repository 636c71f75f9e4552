import { cloneElement, type ReactElement, type ReactNode, useId } from 'react';

/**
 * A labelled select. The label points at the select (htmlFor) instead of wrapping it, so the select's
 * accessible name is just its label, not the label plus the chosen option.
 */
export function SelectField({
  label,
  className,
  children,
}: {
  label: string;
  className?: string;
  children: ReactElement<{ id?: string }> | [ReactElement<{ id?: string }>, ...ReactNode[]];
}) {
  const id = useId();
  const [select, ...rest] = Array.isArray(children) ? children : [children];
  return (
    <div className={`field ${className ?? ''}`.trim()}>
      <label htmlFor={id}>{label}</label>
      {cloneElement(select, { id })}
      {rest}
    </div>
  );
}
