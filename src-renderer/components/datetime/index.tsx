import { lazy, Suspense } from 'react';
import type { DateFieldProps, DateTimeFieldProps, TimeFieldProps } from './types';

export type { DateFieldProps, DateTimeFieldProps, TimeFieldProps } from './types';

// The fields (react-aria and its calendar) are their own chunk: the inbox paints without them and fetches them
// the first time a screen or menu shows one.
const Impl = {
  DateField: lazy(() => import('./DateTimeFields').then((m) => ({ default: m.DateField }))),
  TimeField: lazy(() => import('./DateTimeFields').then((m) => ({ default: m.TimeField }))),
  DateTimeField: lazy(() => import('./DateTimeFields').then((m) => ({ default: m.DateTimeField }))),
};

const Loading = ({ testId }: { testId?: string }) => <span className="dt-field dt-loading" data-testid={testId ? `${testId}-loading` : undefined} />;

export function DateField(p: DateFieldProps) {
  return (
    <Suspense fallback={<Loading testId={p.testId} />}>
      <Impl.DateField {...p} />
    </Suspense>
  );
}

export function TimeField(p: TimeFieldProps) {
  return (
    <Suspense fallback={<Loading testId={p.testId} />}>
      <Impl.TimeField {...p} />
    </Suspense>
  );
}

export function DateTimeField(p: DateTimeFieldProps) {
  return (
    <Suspense fallback={<Loading testId={p.testId} />}>
      <Impl.DateTimeField {...p} />
    </Suspense>
  );
}
