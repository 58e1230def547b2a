import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Button,
  Calendar,
  CalendarCell,
  CalendarGrid,
  DateInput,
  DatePicker,
  DateSegment,
  Dialog,
  Group,
  Heading,
  I18nProvider,
  Popover,
  TimeField as AriaTimeField,
} from 'react-aria-components';
import type { CalendarDate, CalendarDateTime } from '@internationalized/date';
import { Icon } from '../Icon';
import { fromDate, fromDateTime, fromTime, pickerLocale, stepMinutes, toDate, toDateTime, toTime } from './pickerValues';
import type { DateFieldProps, DateTimeFieldProps, TimeFieldProps } from './types';
import './datetime.css';

/** Enter in a segment sends the form the field is in, as it does in a native input (save the visit, apply the snooze). */
function submitOnEnter(e: KeyboardEvent<HTMLElement>): void {
  if (e.key !== 'Enter' || (e.target as Element).getAttribute('role') !== 'spinbutton') return;
  const form = e.currentTarget.closest('form');
  if (!form) return;
  e.preventDefault();
  form.requestSubmit();
}

/** The segments: digits typed go in and move on, ↑↓ step the focused part, Backspace clears it. */
function Segments() {
  return (
    <span className="dt-segments" onKeyDownCapture={submitOnEnter}>
      <DateInput className="dt-input">{(segment) => <DateSegment segment={segment} className="dt-seg" />}</DateInput>
    </span>
  );
}

/** The month grid behind the calendar button: weeks start on Monday (the clinic week), arrows walk the days. */
function CalendarPopup() {
  return (
    <Popover className="dt-popover" placement="bottom start">
      <Dialog className="dt-calendar-dialog">
        <Calendar className="dt-calendar" firstDayOfWeek="mon">
          <header className="dt-calendar-head">
            <Button slot="previous" className="dt-nav">
              ‹
            </Button>
            <Heading className="dt-heading" />
            <Button slot="next" className="dt-nav">
              ›
            </Button>
          </header>
          <CalendarGrid className="dt-grid">{(date) => <CalendarCell date={date} className="dt-cell" />}</CalendarGrid>
        </Calendar>
      </Dialog>
    </Popover>
  );
}

/** What a date or date-time picker shows: its segments, the calendar button and the month grid it opens. */
function DatePickerBody() {
  return (
    <>
      <Group className="dt-group">
        <Segments />
        <Button className="dt-open">
          <Icon name="calendar" size={14} />
        </Button>
      </Group>
      <CalendarPopup />
    </>
  );
}

function useLocale(): string {
  const { i18n } = useTranslation();
  return pickerLocale(i18n.language);
}

export function DateField(p: DateFieldProps) {
  const value = toDate(p.value);
  return (
    <I18nProvider locale={useLocale()}>
      <DatePicker<CalendarDate>
        className={`dt-field ${p.className ?? ''}`}
        aria-label={p.label}
        value={value}
        onChange={(d) => p.onChange(fromDate(d))}
        minValue={toDate(p.min)}
        maxValue={toDate(p.max)}
        isDisabled={p.disabled}
        firstDayOfWeek="mon"
        shouldForceLeadingZeros
        data-testid={p.testId}
        data-value={fromDate(value)}
      >
        <DatePickerBody />
      </DatePicker>
    </I18nProvider>
  );
}

export function DateTimeField(p: DateTimeFieldProps) {
  const value = toDateTime(p.value);
  return (
    <I18nProvider locale={useLocale()}>
      <DatePicker<CalendarDateTime>
        className={`dt-field ${p.className ?? ''}`}
        aria-label={p.label}
        value={value}
        onChange={(d) => p.onChange(fromDateTime(d))}
        granularity="minute"
        hourCycle={24}
        hideTimeZone
        isDisabled={p.disabled}
        firstDayOfWeek="mon"
        shouldForceLeadingZeros
        data-testid={p.testId}
        data-value={fromDateTime(value)}
      >
        <DatePickerBody />
      </DatePicker>
    </I18nProvider>
  );
}

export function TimeField(p: TimeFieldProps) {
  const value = toTime(p.value);
  // React Aria steps minutes by 1; a field with a coarser step takes ↑/↓ on its minutes before the segment does.
  const step = p.minuteStep ?? 1;
  const onKeyDownCapture = (e: KeyboardEvent<HTMLElement>): void => {
    if (step <= 1 || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') || e.altKey || e.ctrlKey || e.metaKey) return;
    if ((e.target as Element).getAttribute('data-type') !== 'minute') return;
    const next = stepMinutes(fromTime(value), e.key === 'ArrowUp' ? 1 : -1, step);
    if (next === null) return;
    e.preventDefault();
    e.stopPropagation();
    p.onChange(next);
  };
  return (
    <I18nProvider locale={useLocale()}>
      <AriaTimeField
        className={`dt-field dt-time ${p.className ?? ''}`}
        aria-label={p.label}
        value={value}
        onChange={(t) => p.onChange(fromTime(t))}
        hourCycle={24}
        isDisabled={p.disabled}
        shouldForceLeadingZeros
        data-testid={p.testId}
        data-value={fromTime(value)}
      >
        <div className="dt-group" onKeyDownCapture={onKeyDownCapture}>
          <Segments />
        </div>
      </AriaTimeField>
    </I18nProvider>
  );
}
