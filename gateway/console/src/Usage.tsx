// Field usage (fieldUsage and unusedFields): which applications and agencies used each field in a period, and
// which fields of a subgraph nobody used, for departments planning a change or a removal.
import { useState } from 'react';
import { Button, Group, Loader, Paper, Table, Text, TextInput, Title } from '@mantine/core';
import { USAGE_QUERY, type FieldUsage, type Session } from './api';
import { useT } from './i18n';
import { DayRangeInput, ErrorAlert, formatNumber, formatTime, PartialAlert } from './ui';
import { useQuery } from './useQuery';
import { lastDays, rangeBounds, type DayRange } from './days';
import type { OnError } from './App';

interface UsageData {
  fieldUsage: FieldUsage[] | null;
  unusedFields: string[] | null;
}

export function Usage({ session, onError }: { session: Session; onError: OnError }) {
  const { t, lang } = useT();
  const [range, setRange] = useState<DayRange>(() => lastDays(30));
  const [subgraph, setSubgraph] = useState('');
  const [applied, setApplied] = useState({ range, subgraph });
  const { from, to } = rangeBounds(applied.range);
  const variables = { from, to, subgraph: applied.subgraph.trim() || null };
  const { data, partial, error, loading, reload } = useQuery<UsageData>(session, USAGE_QUERY, variables, onError);

  return (
    <>
      <Group justify="space-between" align="flex-end" mb="xs">
        <Title order={4}>{t('usage.title')}</Title>
        <Group align="flex-end">
          <DayRangeInput value={range} onChange={setRange} />
          <TextInput
            label={t('usage.subgraph')}
            placeholder={t('usage.all')}
            value={subgraph}
            onChange={(e) => setSubgraph(e.currentTarget.value)}
            data-testid="usage-subgraph"
          />
          <Button
            onClick={() => {
              if (range === applied.range && subgraph === applied.subgraph) reload();
              else setApplied({ range, subgraph });
            }}
            data-testid="usage-refresh"
          >
            {t('stats.refresh')}
          </Button>
        </Group>
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        {t('usage.intro')}
      </Text>
      <ErrorAlert error={error} />
      <PartialAlert messages={partial} />
      {loading && <Loader size="sm" />}
      {data && (
        <>
          <Paper withBorder p="md" mb="md">
            {(data.fieldUsage ?? []).length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('stats.noData')}
              </Text>
            ) : (
              <Table striped data-testid="usage-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('usage.coordinate')}</Table.Th>
                    <Table.Th ta="right">{t('stats.requests')}</Table.Th>
                    <Table.Th>{t('usage.lastUsed')}</Table.Th>
                    <Table.Th>{t('usage.clients')}</Table.Th>
                    <Table.Th>{t('usage.agencies')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {(data.fieldUsage ?? []).slice(0, 200).map((u) => (
                    <Table.Tr key={u.coordinate} data-testid="usage-row">
                      <Table.Td style={{ overflowWrap: 'anywhere' }}>{u.coordinate}</Table.Td>
                      <Table.Td ta="right">{formatNumber(u.requests, lang)}</Table.Td>
                      <Table.Td>{formatTime(u.lastUsed, lang)}</Table.Td>
                      <Table.Td>
                        {u.clients
                          .map(
                            (c) =>
                              `${c.name ? `${c.name}${c.version ? ` ${c.version}` : ''}` : t('usage.noClient')} (${formatNumber(c.requests, lang)})`,
                          )
                          .join(', ')}
                      </Table.Td>
                      <Table.Td>{u.agencies.map((a) => `${a.agency} (${formatNumber(a.requests, lang)})`).join(', ')}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Paper>
          <Paper withBorder p="md">
            <Title order={5} mb="xs">
              {t('usage.unused')} ({formatNumber((data.unusedFields ?? []).length, lang)})
            </Title>
            {(data.unusedFields ?? []).length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('usage.unusedNone')}
              </Text>
            ) : (
              <Text size="sm" data-testid="usage-unused" style={{ overflowWrap: 'anywhere' }}>
                {(data.unusedFields ?? []).join(' · ')}
              </Text>
            )}
          </Paper>
        </>
      )}
    </>
  );
}
