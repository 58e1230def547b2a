interface FieldBase {
  /** The accessible name (the visible caption beside the field may say the same). */
  label: string;
  testId?: string;
  disabled?: boolean;
  className?: string;
}

/** "2026-11-30", or "" while empty or incomplete. */
export interface DateFieldProps extends FieldBase {
  value: string;
  onChange(value: string): void;
  min?: string;
  max?: string;
}

/** "14:30" (24-hour, the clinic's wall clock), or "". */
export interface TimeFieldProps extends FieldBase {
  value: string;
  onChange(value: string): void;
  /** Minutes the ↑/↓ keys step by on the minutes (1 when absent). */
  minuteStep?: number;
}

/** "2026-11-30T14:30" in the clinic's zone, or "". */
export interface DateTimeFieldProps extends FieldBase {
  value: string;
  onChange(value: string): void;
}
