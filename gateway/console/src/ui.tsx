// Small pieces the views share: how a failure is shown, outcome badges, dates and times.
import { Alert, Badge } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { ApiError, type Outcome } from './api';
import { useT, type Lang } from './i18n';
import type { DayRange } from './days';

/** The pages' picker of a range of province days. */
export function DayRangeInput({ value, onChange, testId }: { value: DayRange; onChange: (r: DayRange) => void; testId?: string }) {
  const { t } = useT();
  return (
    <DatePickerInput
      type="range"
      label={`${t('stats.from')} – ${t('stats.to')} (UTC+7)`}
      value={value}
      onChange={onChange}
      valueFormat="DD/MM/YYYY"
      miw={240}
      data-testid={testId}
    />
  );
}

export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useT();
  if (!error) return null;
  let message: string;
  if (error instanceof ApiError && error.kind === 'unavailable') message = t('error.unavailable');
  else if (error instanceof ApiError && error.kind === 'network') message = t('error.network');
  else message = error instanceof Error ? error.message : String(error);
  return (
    <Alert color="red" title={t('error.title')} data-testid="error" mb="md">
      {message}
    </Alert>
  );
}

export function PartialAlert({ messages }: { messages: string[] }) {
  const { t } = useT();
  if (messages.length === 0) return null;
  return (
    <Alert color="yellow" title={t('error.partial')} data-testid="partial" mb="md">
      {messages.join('; ')}
    </Alert>
  );
}

const OUTCOME_COLOR: Record<Outcome, string> = {
  OK: 'green',
  PARTIAL: 'yellow',
  DENIED: 'red',
  REJECTED: 'orange',
  ERROR: 'grape',
  INTENT: 'blue',
};

export function OutcomeBadge({ outcome }: { outcome: Outcome }) {
  const { t } = useT();
  return (
    <Badge color={OUTCOME_COLOR[outcome] ?? 'gray'} variant="light" data-outcome={outcome}>
      {t(`outcome.${outcome}`)}
    </Badge>
  );
}

/** A moment in the reader's time zone, to the second. */
export function formatTime(iso: string, lang: Lang): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'short', timeStyle: 'medium' });
}

export function formatNumber(n: number, lang: Lang): string {
  return n.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 });
}
