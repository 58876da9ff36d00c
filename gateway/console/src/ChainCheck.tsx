// "Verify chain": re-computes the audit log's hash chains over a period (or all of it) and names the first broken link.
import { useState } from 'react';
import { Alert, Button, Code, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import dayjs from 'dayjs';
import { VERIFY_QUERY, type ChainReport, type Session } from './api';
import { useT } from './i18n';
import { ErrorAlert, formatNumber, formatTime, PartialAlert } from './ui';
import type { OnError } from './App';

export function ChainCheck({ session, onError, onOpen }: { session: Session; onError: OnError; onOpen: (id: string) => void }) {
  const { t, lang } = useT();
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<ChainReport | null>(null);
  const [partial, setPartial] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);

  const verify = async () => {
    setBusy(true);
    setError(null);
    setReport(null);
    try {
      const { data, partial } = await session.query<{ verifyAuditChain: ChainReport | null }>(VERIFY_QUERY, {
        from: from ? dayjs(from).toISOString() : null,
        to: to ? dayjs(to).toISOString() : null,
      });
      setReport(data.verifyAuditChain);
      setPartial(partial);
    } catch (e) {
      setError(e);
      onError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md">
      <Title order={4} mb="xs">
        {t('chain.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('chain.intro')}
      </Text>
      <Group align="flex-end" mb="md">
        <DateTimePicker
          label={t('filter.from')}
          value={from}
          onChange={setFrom}
          clearable
          withSeconds
          valueFormat="DD/MM/YYYY HH:mm:ss"
          miw={220}
        />
        <DateTimePicker
          label={t('filter.to')}
          value={to}
          onChange={setTo}
          clearable
          withSeconds
          valueFormat="DD/MM/YYYY HH:mm:ss"
          miw={220}
        />
        <Button onClick={() => void verify()} loading={busy} data-testid="verify-chain">
          {t('chain.verify')}
        </Button>
      </Group>
      <ErrorAlert error={error} />
      <PartialAlert messages={partial} />
      {report && (
        <Alert
          color={report.ok ? 'green' : 'red'}
          title={report.ok ? t('chain.ok') : t('chain.broken')}
          data-testid="chain-result"
          data-ok={report.ok ? 'true' : 'false'}
        >
          <Stack gap="xs">
            {report.ok && <Text size="sm">{t('chain.okDetail')}</Text>}
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Text size="sm">
                {t('chain.records')}: <b data-testid="chain-records">{formatNumber(report.records, lang)}</b>
              </Text>
              <Text size="sm">
                {t('chain.chains')}: <b>{formatNumber(report.chains, lang)}</b>
              </Text>
              <Text size="sm">
                {t('chain.checkedAt')}: {formatTime(report.checkedAt, lang)}
              </Text>
            </SimpleGrid>
            {report.brokenLink && (
              <Stack gap={4} data-testid="chain-broken-link">
                <Text size="sm" fw={600}>
                  {t('chain.firstBroken')}: <Code data-testid="chain-broken-event">{report.brokenLink.eventId}</Code>
                </Text>
                <Text size="sm">
                  {t('chain.reason')}: {report.brokenLink.reason}
                </Text>
                <Group>
                  <Button
                    size="xs"
                    variant="light"
                    color="red"
                    onClick={() => onOpen(report.brokenLink?.eventId ?? '')}
                    data-testid="chain-open-event"
                  >
                    {t('chain.openEvent')}
                  </Button>
                </Group>
              </Stack>
            )}
          </Stack>
        </Alert>
      )}
    </Paper>
  );
}
