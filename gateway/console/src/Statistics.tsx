// Denied requests and personal-data reads per day (accessStatistics grouped by DAY), and who reads most.
import { useState } from 'react';
import { Button, Group, Loader, Paper, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { BarChart } from '@mantine/charts';
import { STATISTICS_QUERY, type AccessStatistic, type Session } from './api';
import { useT, type Key } from './i18n';
import { DayRangeInput, ErrorAlert, formatNumber, PartialAlert } from './ui';
import { useQuery } from './useQuery';
import { addDays, lastDays, rangeBounds, type DayRange } from './days';
import type { OnError } from './App';

interface StatisticsData {
  byDay: AccessStatistic[] | null;
  byAgency: AccessStatistic[] | null;
  byCoordinate: AccessStatistic[] | null;
}

const MAX_DAYS = 400;

/** One bar group per day from `first` to `last` (province days), days without requests included (as zero). */
export function fillDays(rows: AccessStatistic[], first: string, last: string): AccessStatistic[] {
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const out: AccessStatistic[] = [];
  for (let day = first, n = 0; day <= last && n < MAX_DAYS; day = addDays(day, 1), n++) {
    out.push(byKey.get(day) ?? { key: day, requests: 0, denied: 0, personalReads: 0, failed: 0, accounts: 0 });
    byKey.delete(day);
  }
  return [...out, ...byKey.values()].sort((a, b) => a.key.localeCompare(b.key));
}

function TopTable({
  title,
  keyLabel,
  rows,
  testid,
  emptyKey,
}: {
  title: Key;
  keyLabel: Key;
  rows: AccessStatistic[];
  testid: string;
  emptyKey?: Key;
}) {
  const { t, lang } = useT();
  return (
    <Paper withBorder p="md">
      <Title order={5} mb="xs">
        {t(title)}
      </Title>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('stats.noData')}
        </Text>
      ) : (
        <Table striped data-testid={testid}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t(keyLabel)}</Table.Th>
              <Table.Th ta="right">{t('stats.requests')}</Table.Th>
              <Table.Th ta="right">{t('stats.denied')}</Table.Th>
              <Table.Th ta="right">{t('stats.personalReads')}</Table.Th>
              <Table.Th ta="right">{t('stats.failed')}</Table.Th>
              <Table.Th ta="right">{t('stats.accounts')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.slice(0, 10).map((r) => (
              <Table.Tr key={r.key} data-testid={`${testid}-row`}>
                <Table.Td style={{ overflowWrap: 'break-word' }}>{r.key || (emptyKey ? t(emptyKey) : '—')}</Table.Td>
                <Table.Td ta="right">{formatNumber(r.requests, lang)}</Table.Td>
                <Table.Td ta="right">{formatNumber(r.denied, lang)}</Table.Td>
                <Table.Td ta="right">{formatNumber(r.personalReads, lang)}</Table.Td>
                <Table.Td ta="right">{formatNumber(r.failed, lang)}</Table.Td>
                <Table.Td ta="right">{formatNumber(r.accounts, lang)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

export function Statistics({ session, onError }: { session: Session; onError: OnError }) {
  const { t, lang } = useT();
  const [range, setRange] = useState<DayRange>(() => lastDays(30));
  const [applied, setApplied] = useState(range);
  const { first, last, from, to } = rangeBounds(applied);
  const { data, partial, error, loading, reload } = useQuery<StatisticsData>(session, STATISTICS_QUERY, { from, to }, onError);
  const days = data ? fillDays(data.byDay ?? [], first, last) : [];
  const total = (k: 'requests' | 'denied' | 'personalReads' | 'failed') => days.reduce((sum, d) => sum + d[k], 0);

  return (
    <>
      <Group justify="space-between" align="flex-end" mb="md">
        <Title order={4}>{t('stats.title')}</Title>
        <Group align="flex-end">
          <DayRangeInput value={range} onChange={setRange} testId="stats-range" />
          <Button
            onClick={() => {
              if (range[0] === applied[0] && range[1] === applied[1]) reload();
              else setApplied(range);
            }}
            data-testid="stats-refresh"
          >
            {t('stats.refresh')}
          </Button>
        </Group>
      </Group>
      <ErrorAlert error={error} />
      <PartialAlert messages={partial} />
      {loading && <Loader size="sm" />}
      {data && (
        <>
          <Paper withBorder p="md" mb="md" data-testid="chart-over-time">
            <Title order={5} mb="sm">
              {t('stats.overTime')}
            </Title>
            <BarChart
              h={280}
              data={days.map((d) => ({ ...d }))}
              dataKey="key"
              withLegend
              legendProps={{ verticalAlign: 'bottom' }}
              tooltipAnimationDuration={0}
              series={[
                { name: 'denied', label: t('stats.denied'), color: 'red.6' },
                { name: 'personalReads', label: t('stats.personalReads'), color: 'violet.6' },
              ]}
            />
            <Group mt="sm" gap="xl" data-testid="stats-totals">
              {(['requests', 'denied', 'personalReads', 'failed'] as const).map((k) => (
                <Text key={k} size="sm" data-testid={`total-${k}`} data-value={total(k)}>
                  {t(`stats.${k}`)}: <b>{formatNumber(total(k), lang)}</b>
                </Text>
              ))}
            </Group>
          </Paper>
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <TopTable
              title="stats.topAgencies"
              keyLabel="stats.key.agency"
              rows={data.byAgency ?? []}
              testid="top-agencies"
              emptyKey="stats.noAgency"
            />
            <TopTable
              title="stats.topCoordinates"
              keyLabel="stats.key.coordinate"
              rows={data.byCoordinate ?? []}
              testid="top-coordinates"
            />
          </SimpleGrid>
        </>
      )}
    </>
  );
}
