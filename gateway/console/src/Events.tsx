// The access log: filters, one page of events at a time (cursor paging), CSV export of the same filter.
import { useState, type FormEvent } from 'react';
import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import dayjs from 'dayjs';
import { EVENTS_QUERY, OUTCOMES, type AuditEventFilter, type AuditEventSummary, type Outcome, type Session } from './api';
import { useT } from './i18n';
import { ErrorAlert, formatNumber, formatTime, OutcomeBadge, PartialAlert } from './ui';
import { useQuery } from './useQuery';
import type { OnError } from './App';

interface Draft {
  from: string | null;
  to: string | null;
  account: string;
  agency: string;
  client: string;
  operationName: string;
  operationType: string | null;
  username: string;
  coordinate: string;
  outcome: string[];
  deniedOnly: boolean;
  personalOnly: boolean;
}

const LOCAL = 'YYYY-MM-DD HH:mm:ss';

function toDraft(f: AuditEventFilter): Draft {
  return {
    from: f.from ? dayjs(f.from).format(LOCAL) : null,
    to: f.to ? dayjs(f.to).format(LOCAL) : null,
    account: f.account ?? '',
    agency: f.agency ?? '',
    client: f.client ?? '',
    operationName: f.operationName ?? '',
    operationType: f.operationType ?? null,
    username: f.username ?? '',
    coordinate: f.coordinate ?? '',
    outcome: f.outcome ?? [],
    deniedOnly: f.deniedOnly ?? false,
    personalOnly: f.personalOnly ?? false,
  };
}

function toFilter(d: Draft): AuditEventFilter {
  const f: AuditEventFilter = {};
  if (d.from) f.from = dayjs(d.from).toISOString();
  if (d.to) f.to = dayjs(d.to).toISOString();
  for (const k of ['account', 'agency', 'client', 'operationName', 'username', 'coordinate'] as const) {
    const v = d[k].trim();
    if (v) f[k] = v;
  }
  if (d.operationType) f.operationType = d.operationType;
  if (d.outcome.length) f.outcome = d.outcome.filter((o): o is Outcome => (OUTCOMES as readonly string[]).includes(o));
  if (d.deniedOnly) f.deniedOnly = true;
  if (d.personalOnly) f.personalOnly = true;
  return f;
}

interface EventsData {
  auditEvents: {
    edges: { cursor: string; node: AuditEventSummary }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  } | null;
}

/** Remounted (by key) when the applied filter changes: back to the first page. */
export function Events({
  session,
  filter,
  onFilter,
  onOpen,
  onError,
}: {
  session: Session;
  filter: AuditEventFilter;
  onFilter: (f: AuditEventFilter) => void;
  onOpen: (id: string) => void;
  onError: OnError;
}) {
  const { t, lang } = useT();
  const [draft, setDraft] = useState<Draft>(() => toDraft(filter));
  const [pageSize, setPageSize] = useState('25');
  // The cursor each visited page starts after (null: the first page).
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [exporting, setExporting] = useState(false);
  const [exported, setExported] = useState<string | null>(null);
  const [exportError, setExportError] = useState<unknown>(null);
  const page = cursors.length - 1;
  const { data, partial, error, loading } = useQuery<EventsData>(
    session,
    EVENTS_QUERY,
    { filter, first: Number(pageSize), after: cursors[page] },
    onError,
  );
  const edges = data?.auditEvents?.edges ?? [];
  const pageInfo = data?.auditEvents?.pageInfo;

  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const apply = (e: FormEvent) => {
    e.preventDefault();
    onFilter(toFilter(draft));
  };
  const exportCsv = async () => {
    setExporting(true);
    setExported(null);
    setExportError(null);
    try {
      setExported(await session.exportCsv(filter));
    } catch (err) {
      setExportError(err);
      onError(err);
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <Paper withBorder p="md" mb="md" data-testid="filters">
        <form onSubmit={apply}>
          <Title order={5} mb="sm">
            {t('filter.title')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
            <DateTimePicker
              label={t('filter.from')}
              value={draft.from}
              onChange={(v) => set('from', v)}
              withSeconds
              clearable
              valueFormat="DD/MM/YYYY HH:mm:ss"
              data-testid="filter-from"
            />
            <DateTimePicker
              label={t('filter.to')}
              value={draft.to}
              onChange={(v) => set('to', v)}
              withSeconds
              clearable
              valueFormat="DD/MM/YYYY HH:mm:ss"
              data-testid="filter-to"
            />
            <TextInput
              label={t('filter.account')}
              value={draft.account}
              onChange={(e) => set('account', e.currentTarget.value)}
              data-testid="filter-account"
            />
            <TextInput
              label={t('filter.agency')}
              value={draft.agency}
              onChange={(e) => set('agency', e.currentTarget.value)}
              data-testid="filter-agency"
            />
            <TextInput
              label={t('filter.client')}
              value={draft.client}
              onChange={(e) => set('client', e.currentTarget.value)}
              data-testid="filter-client"
            />
            <TextInput
              label={t('filter.operationName')}
              value={draft.operationName}
              onChange={(e) => set('operationName', e.currentTarget.value)}
              data-testid="filter-operation-name"
            />
            <Select
              label={t('filter.operationType')}
              data={(['query', 'mutation', 'sign-in', 'export', 'none'] as const).map((k) => ({ value: k, label: t(`kind.${k}`) }))}
              value={draft.operationType}
              onChange={(v) => set('operationType', v)}
              clearable
              data-testid="filter-operation-type"
            />
            <TextInput
              label={t('filter.username')}
              value={draft.username}
              onChange={(e) => set('username', e.currentTarget.value)}
              data-testid="filter-username"
            />
            <TextInput
              label={t('filter.coordinate')}
              placeholder="AccommodationEstablishment.ownerName"
              value={draft.coordinate}
              onChange={(e) => set('coordinate', e.currentTarget.value)}
              data-testid="filter-coordinate"
            />
            <MultiSelect
              label={t('filter.outcome')}
              data={OUTCOMES.map((o) => ({ value: o, label: t(`outcome.${o}`) }))}
              value={draft.outcome}
              onChange={(v) => set('outcome', v)}
              clearable
              data-testid="filter-outcome"
            />
          </SimpleGrid>
          <Group mt="md" justify="space-between">
            <Group>
              <Switch
                label={t('filter.deniedOnly')}
                checked={draft.deniedOnly}
                onChange={(e) => set('deniedOnly', e.currentTarget.checked)}
                data-testid="filter-denied-only"
              />
              <Switch
                label={t('filter.personalOnly')}
                checked={draft.personalOnly}
                onChange={(e) => set('personalOnly', e.currentTarget.checked)}
                data-testid="filter-personal-only"
              />
            </Group>
            <Group>
              <Button variant="default" onClick={() => onFilter({})} data-testid="filter-reset">
                {t('filter.reset')}
              </Button>
              <Button type="submit" data-testid="filter-apply">
                {t('filter.apply')}
              </Button>
            </Group>
          </Group>
        </form>
      </Paper>

      <Group justify="space-between" mb="sm">
        <Title order={4}>{t('events.title')}</Title>
        <Group>
          <Select
            aria-label={t('filter.pageSize')}
            w={90}
            data={['25', '50', '100']}
            value={pageSize}
            allowDeselect={false}
            onChange={(v) => {
              setPageSize(v ?? '25');
              setCursors([null]);
            }}
            data-testid="page-size"
          />
          <Button variant="light" onClick={() => void exportCsv()} loading={exporting} data-testid="export-csv">
            {t('events.export')}
          </Button>
        </Group>
      </Group>
      {exported && (
        <Alert color="green" mb="md" data-testid="export-done" withCloseButton onClose={() => setExported(null)}>
          {t('events.exported')}: {exported}
        </Alert>
      )}
      {exportError ? (
        <Alert color="red" mb="md" title={t('events.exportFailed')} data-testid="export-error">
          {exportError instanceof Error ? exportError.message : String(exportError)}
        </Alert>
      ) : null}
      <ErrorAlert error={error} />
      <PartialAlert messages={partial} />

      <Table.ScrollContainer minWidth={900}>
        <Table striped highlightOnHover verticalSpacing="xs" data-testid="events-table" data-loading={loading ? 'true' : 'false'}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('events.at')}</Table.Th>
              <Table.Th>{t('events.principal')}</Table.Th>
              <Table.Th>{t('events.agency')}</Table.Th>
              <Table.Th>{t('events.client')}</Table.Th>
              <Table.Th>{t('events.operation')}</Table.Th>
              <Table.Th>{t('events.outcome')}</Table.Th>
              <Table.Th>{t('events.denied')}</Table.Th>
              <Table.Th>{t('events.personal')}</Table.Th>
              <Table.Th ta="right">{t('events.duration')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {edges.map(({ node: e }) => (
              <Table.Tr
                key={e.id}
                data-testid="event-row"
                data-event-id={e.id}
                data-outcome={e.outcome}
                data-denied={e.denied.length}
                style={{ cursor: 'pointer' }}
                onClick={() => onOpen(e.id)}
              >
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatTime(e.at, lang)}</Table.Td>
                <Table.Td>
                  {e.principal.kind === 'PUBLIC' ? t('events.public') : (e.principal.account?.username ?? e.principal.accountId)}
                </Table.Td>
                <Table.Td>{e.principal.agencyCode ?? '—'}</Table.Td>
                <Table.Td>
                  {e.client.name ?? '—'}
                  {e.client.ip && (
                    <Text size="xs" c="dimmed">
                      {e.client.ip}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td data-testid="event-operation">
                  {e.operationType ? (
                    <>
                      <Text span c="dimmed" size="sm">
                        {e.operationType}{' '}
                      </Text>
                      {e.operationName ?? t('events.anonymousOp')}
                    </>
                  ) : (
                    <Text span c="dimmed" size="sm">
                      {t('events.notAnOperation')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <OutcomeBadge outcome={e.outcome} />
                  {e.errorCodes.length > 0 && (
                    <Text size="xs" c="dimmed">
                      {e.errorCodes.join(', ')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{e.denied.length > 0 ? <Badge color="red">{e.denied.length}</Badge> : '—'}</Table.Td>
                <Table.Td>{e.personal.length > 0 ? <Badge color="violet">{e.personal.length}</Badge> : '—'}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {formatNumber(e.durationMs, lang)} {t('common.ms')}
                </Table.Td>
                <Table.Td>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    data-testid="open-event"
                    onClick={(ev) => {
                      ev.stopPropagation();
                      onOpen(e.id);
                    }}
                  >
                    {t('events.open')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {loading && (
        <Group justify="center" my="md" data-testid="events-loading">
          <Loader size="sm" />
          <Text size="sm">{t('events.loading')}</Text>
        </Group>
      )}
      {!loading && !error && edges.length === 0 && (
        <Text c="dimmed" ta="center" my="md" data-testid="events-empty">
          {t('events.empty')}
        </Text>
      )}
      <Group justify="space-between" mt="md">
        <Text size="sm" c="dimmed" data-testid="events-page">
          {t('events.page')} {page + 1} · {t('events.shown')} {edges.length} {t('events.rows')}
        </Text>
        <Group>
          <Button variant="default" size="xs" disabled={page === 0} onClick={() => setCursors([null])} data-testid="page-first">
            {t('events.first')}
          </Button>
          <Button
            variant="default"
            size="xs"
            disabled={page === 0}
            onClick={() => setCursors((c) => c.slice(0, -1))}
            data-testid="page-previous"
          >
            {t('events.previous')}
          </Button>
          <Button
            variant="default"
            size="xs"
            disabled={loading || !pageInfo?.hasNextPage || !pageInfo.endCursor}
            onClick={() => setCursors((c) => [...c, pageInfo?.endCursor ?? null])}
            data-testid="page-next"
          >
            {t('events.next')}
          </Button>
        </Group>
      </Group>
    </>
  );
}
