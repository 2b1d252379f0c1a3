/**
 * The Content Manager's date, time and date-time fields, as typed here: `15.12.2026.`, `18:07`.
 * Text that cannot be read is said so at the field and goes to the server as typed, which refuses
 * it (src/content-api/date-fields.ts): Save never keeps an older or another date silently.
 */
import * as React from 'react';
import { useIntl, type MessageDescriptor } from 'react-intl';
import { Box, Field, Flex, IconButton, Popover, TextInput } from '@strapi/design-system';
import { Calendar } from '@strapi/icons';
import { useField, useFocusInputField } from '@strapi/strapi/admin';
import { MonthCalendar } from './MonthCalendar';
import { messages } from './messages';
import { fromInstant, readDay, readTime, showDay, showTime, toInstant, type Reading } from './parse';

export type FieldInputProps = {
  name: string;
  label: React.ReactNode;
  hint?: React.ReactNode;
  labelAction?: React.ReactNode;
  required?: boolean;
  disabled?: boolean;
};

type StoredValue = string | null;

/** Why a reading is refused, if it is. */
const problemOf = (reading: Reading, unreadable: MessageDescriptor, impossible: MessageDescriptor) =>
  reading.kind === 'unreadable' ? unreadable : reading.kind === 'impossible' ? impossible : undefined;

/**
 * The form value and the text the editor sees, kept apart: the text follows the value when the value
 * changes from outside (another locale filled in, a version restored), and never the other way round.
 */
function useTypedValue<Text>(name: string, toText: (value: unknown) => Text) {
  const field = useField<StoredValue>(name);
  const [text, setText] = React.useState<Text>(() => toText(field.value));
  const sent = React.useRef<unknown>(field.value);
  React.useEffect(() => {
    if (field.value !== sent.current) {
      sent.current = field.value;
      setText(toText(field.value));
    }
  }, [field.value, toText]);
  const send = (nextText: Text, value: StoredValue) => {
    setText(nextText);
    sent.current = value;
    field.onChange(name, value);
  };
  return { text, send, error: field.error };
}

type DayFieldProps = { name: string; value: string; onChange: (text: string) => void; disabled?: boolean; inputRef: React.Ref<HTMLInputElement> };

function DayField({ name, value, onChange, disabled, inputRef }: DayFieldProps) {
  const { formatMessage } = useIntl();
  const [open, setOpen] = React.useState(false);
  const reading = readDay(value);
  const picker = (
    <Popover.Root open={open} onOpenChange={setOpen}>
      <Popover.Trigger>
        <IconButton label={formatMessage(messages.openCalendar)} variant="ghost" disabled={disabled} withTooltip={false}>
          <Calendar />
        </IconButton>
      </Popover.Trigger>
      <Popover.Content>
        <MonthCalendar
          selected={reading.kind === 'value' ? reading.value : undefined}
          onPick={(day) => {
            onChange(showDay(day));
            setOpen(false);
          }}
        />
      </Popover.Content>
    </Popover.Root>
  );
  return (
    <TextInput
      ref={inputRef}
      name={name}
      value={value}
      placeholder={formatMessage(messages.dayPlaceholder)}
      disabled={disabled}
      inputMode="numeric"
      autoComplete="off"
      onChange={(event: React.ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
      endAction={picker}
    />
  );
}

/** Sets a ref, whichever kind it is. */
function assignRef<T>(ref: React.Ref<T> | undefined, value: T | null) {
  if (typeof ref === 'function') ref(value);
  else if (ref) (ref as React.MutableRefObject<T | null>).current = value;
}

/** The input's ref for the panel (focus on a field error) and for whoever passed one. */
function useInputRef(name: string, forwarded: React.ForwardedRef<HTMLInputElement>) {
  const focusRef = useFocusInputField<HTMLInputElement>(name);
  return React.useCallback(
    (input: HTMLInputElement | null) => {
      assignRef(focusRef, input);
      assignRef(forwarded, input);
    },
    [focusRef, forwarded]
  );
}

function Frame({ props, error, children }: { props: FieldInputProps; error?: string; children: React.ReactNode }) {
  return (
    <Field.Root name={props.name} error={error} hint={props.hint} required={props.required}>
      <Field.Label action={props.labelAction}>{props.label}</Field.Label>
      {children}
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
}

const dayText = (value: unknown) => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? showDay(value) : typeof value === 'string' ? value : '');

export const LocalDateInput = React.forwardRef<HTMLInputElement, FieldInputProps>((props, ref) => {
  const { formatMessage } = useIntl();
  const inputRef = useInputRef(props.name, ref);
  const { text, send, error } = useTypedValue(props.name, dayText);
  const reading = readDay(text);
  const problem = problemOf(reading, messages.dayUnreadable, messages.dayImpossible);
  const change = (typed: string) => {
    const next = readDay(typed);
    send(typed, next.kind === 'value' ? next.value : next.kind === 'empty' ? null : typed.trim());
  };
  return (
    <Frame props={props} error={problem ? formatMessage(problem) : error}>
      <DayField name={props.name} value={text} onChange={change} disabled={props.disabled} inputRef={inputRef} />
    </Frame>
  );
});

const timeText = (value: unknown) => (typeof value === 'string' && /^\d{2}:\d{2}/.test(value) ? showTime(value) : typeof value === 'string' ? value : '');

export const LocalTimeInput = React.forwardRef<HTMLInputElement, FieldInputProps>((props, ref) => {
  const { formatMessage } = useIntl();
  const inputRef = useInputRef(props.name, ref);
  const { text, send, error } = useTypedValue(props.name, timeText);
  const problem = problemOf(readTime(text), messages.timeUnreadable, messages.timeImpossible);
  const change = (typed: string) => {
    const next = readTime(typed);
    send(typed, next.kind === 'value' ? `${next.value}:00.000` : next.kind === 'empty' ? null : typed.trim());
  };
  return (
    <Frame props={props} error={problem ? formatMessage(problem) : error}>
      <Field.Input
        ref={inputRef}
        name={props.name}
        value={text}
        placeholder={formatMessage(messages.timePlaceholder)}
        disabled={props.disabled}
        autoComplete="off"
        onChange={(event: React.ChangeEvent<HTMLInputElement>) => change(event.target.value)}
      />
    </Frame>
  );
});

type DayAndTime = { day: string; time: string };

const dayAndTimeText = (value: unknown): DayAndTime => {
  const local = fromInstant(typeof value === 'string' ? value : null);
  return local ? { day: showDay(local.day), time: local.time } : { day: typeof value === 'string' ? value : '', time: '' };
};

/** What a typed day and time store, or why they cannot be stored. */
function readDayAndTime({ day, time }: DayAndTime): { value: StoredValue; problem?: MessageDescriptor } {
  const [dayReading, timeReading] = [readDay(day), readTime(time)];
  const typed = `${day} ${time}`.trim();
  const problem = problemOf(dayReading, messages.dayUnreadable, messages.dayImpossible) ?? problemOf(timeReading, messages.timeUnreadable, messages.timeImpossible);
  if (problem) return { value: typed, problem };
  if (dayReading.kind === 'value' && timeReading.kind === 'value') return { value: toInstant(dayReading.value, timeReading.value) };
  if (dayReading.kind === 'empty' && timeReading.kind === 'empty') return { value: null };
  return { value: typed, problem: dayReading.kind === 'empty' ? messages.dayMissing : messages.timeMissing };
}

export const LocalDateTimeInput = React.forwardRef<HTMLInputElement, FieldInputProps>((props, ref) => {
  const { formatMessage } = useIntl();
  const inputRef = useInputRef(props.name, ref);
  const { text, send, error } = useTypedValue(props.name, dayAndTimeText);
  const { problem } = readDayAndTime(text);
  const change = (next: DayAndTime) => send(next, readDayAndTime(next).value);
  return (
    <Frame props={props} error={problem ? formatMessage(problem) : error}>
      <Flex gap={2} alignItems="stretch">
        <Box flex={2}>
          <DayField name={props.name} value={text.day} onChange={(day) => change({ ...text, day })} disabled={props.disabled} inputRef={inputRef} />
        </Box>
        {/* The time is a field of its own for assistive technology: one label per input. */}
        <Field.Root name={`${props.name}.time`} error={Boolean(problem)} flex={1}>
          <TextInput
            name={`${props.name}.time`}
            aria-label={formatMessage(messages.time)}
            value={text.time}
            placeholder={formatMessage(messages.timePlaceholder)}
            disabled={props.disabled}
            autoComplete="off"
            onChange={(event: React.ChangeEvent<HTMLInputElement>) => change({ ...text, time: event.target.value })}
          />
        </Field.Root>
      </Flex>
    </Frame>
  );
});
