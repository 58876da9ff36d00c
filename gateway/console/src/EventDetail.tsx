// One audit event in full: who, from where, what was asked, what was refused and why, and its place in the chain.
import type { ReactNode } from 'react';
import { Alert, Badge, Button, Code, Group, Loader, Paper, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { EVENT_QUERY, type AuditEvent, type Session } from './api';
import { useT } from './i18n';
import { ErrorAlert, formatNumber, formatTime, OutcomeBadge, PartialAlert } from './ui';
import { useQuery } from './useQuery';
import type { OnError } from './App';

function Field({ label, children, testid }: { label: string; children: ReactNode; testid?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <div data-testid={testid}>{children}</div>
    </div>
  );
}

function Badges({ items, color, testid }: { items: string[]; color: string; testid: string }) {
  const { t } = useT();
  if (items.length === 0)
    return (
      <Text size="sm" c="dimmed" data-testid={testid}>
        {t('detail.none')}
      </Text>
    );
  return (
    <Group gap={6} data-testid={testid}>
      {items.map((i) => (
        <Badge key={i} color={color} variant="light" tt="none">
          {i}
        </Badge>
      ))}
    </Group>
  );
}

function prettyJson(text: string | null): string | null {
  if (!text) return null;
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

export function EventDetail({
  session,
  id,
  onBack,
  onError,
  onFilterAccount,
}: {
  session: Session;
  id: string;
  onBack: () => void;
  onError: OnError;
  onFilterAccount: (accountId: string) => void;
}) {
  const { t, lang } = useT();
  const { data, partial, error, loading } = useQuery<{ auditEvent: AuditEvent | null }>(session, EVENT_QUERY, { id }, onError);
  const e = data?.auditEvent;

  return (
    <div data-testid="event-detail">
      <Group justify="space-between" mb="md">
        <Button variant="default" onClick={onBack} data-testid="detail-back">
          ← {t('detail.back')}
        </Button>
        <Title order={4}>{t('detail.title')}</Title>
      </Group>
      <ErrorAlert error={error} />
      <PartialAlert messages={partial} />
      {loading && <Loader size="sm" />}
      {!loading && !error && !e && <Alert color="gray">{t('detail.notFound')}</Alert>}
      {e && (
        <>
          <Paper withBorder p="md" mb="md">
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
              <Field label={t('detail.at')} testid="detail-at">
                {formatTime(e.at, lang)}
                <Text size="xs" c="dimmed">
                  {e.at}
                </Text>
              </Field>
              <Field label={t('detail.outcome')} testid="detail-outcome">
                <OutcomeBadge outcome={e.outcome} />
              </Field>
              <Field label={t('detail.duration')}>
                {formatNumber(e.durationMs, lang)} {t('common.ms')}
              </Field>
              <Field label={t('detail.size')}>
                {formatNumber(e.responseBytes, lang)} {t('common.bytes')}
              </Field>
              <Field label={t('detail.principal')} testid="detail-principal">
                {e.principal.kind === 'PUBLIC' ? t('events.public') : (e.principal.account?.displayName ?? e.principal.accountId)}
                {e.principal.account && (
                  <Text size="xs" c="dimmed">
                    {e.principal.account.username}
                  </Text>
                )}
              </Field>
              <Field label={t('detail.accountId')}>
                {e.principal.accountId ? (
                  <Group gap={4}>
                    <Code>{e.principal.accountId}</Code>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      onClick={() => onFilterAccount(e.principal.accountId ?? '')}
                      data-testid="detail-filter-account"
                    >
                      {t('detail.filterAccount')}
                    </Button>
                  </Group>
                ) : (
                  '—'
                )}
              </Field>
              <Field label={t('detail.agency')}>{e.principal.agencyCode ?? '—'}</Field>
              <Field label={t('detail.roles')}>{e.principal.roles.length ? e.principal.roles.join(', ') : '—'}</Field>
              <Field label={t('detail.client')} testid="detail-client">
                {e.client.name ? `${e.client.name}${e.client.version ? ` ${e.client.version}` : ''}` : '—'}
              </Field>
              <Field label={t('detail.clientIp')}>{e.client.ip ?? '—'}</Field>
              <Field label={t('detail.userAgent')}>
                <Text size="sm" style={{ wordBreak: 'break-all' }}>
                  {e.client.userAgent ?? '—'}
                </Text>
              </Field>
              <Field label={t('detail.requestId')}>
                <Code>{e.requestId}</Code>
              </Field>
              <Field label={t('detail.operationType')}>{e.operationType ?? '—'}</Field>
              <Field label={t('detail.operationName')} testid="detail-operation-name">
                {e.operationName ?? '—'}
              </Field>
              {e.principal.username !== null && (
                <Field label={t('detail.usernameTried')} testid="detail-username">
                  <Code>{e.principal.username}</Code>
                </Field>
              )}
              {e.refused !== null && (
                <Field label={t('detail.refused')} testid="detail-refused">
                  {e.method ? `${e.method}: ` : ''}
                  {e.refused}
                </Field>
              )}
              <Field label={t('detail.errorCodes')} testid="detail-error-codes">
                {e.errorCodes.length ? e.errorCodes.join(', ') : '—'}
              </Field>
              <Field label={t('detail.id')}>
                <Code data-testid="detail-id">{e.id}</Code>
              </Field>
            </SimpleGrid>
          </Paper>

          <Paper withBorder p="md" mb="md">
            <Title order={5} mb="xs">
              {t('detail.document')}
            </Title>
            {e.document ? (
              <Code block data-testid="detail-document">
                {e.document}
              </Code>
            ) : (
              <Text size="sm" c="dimmed" data-testid="detail-document">
                {t('detail.none')}
              </Text>
            )}
            {e.documentHash && (
              <Text size="xs" c="dimmed" mt={4}>
                {t('detail.documentHash')}: <Code>{e.documentHash}</Code>
              </Text>
            )}
            <Title order={5} mt="md" mb="xs">
              {t('detail.variables')}
            </Title>
            {e.variables && e.variables !== '{}' && e.variables !== 'null' ? (
              <Code block data-testid="detail-variables">
                {prettyJson(e.variables)}
              </Code>
            ) : (
              <Text size="sm" c="dimmed" data-testid="detail-variables">
                {t('detail.none')}
              </Text>
            )}
          </Paper>

          <Paper withBorder p="md" mb="md">
            <Title order={5} mb="xs" c={e.denied.length ? 'red' : undefined}>
              {t('detail.denied')} ({e.denied.length})
            </Title>
            {e.denied.length ? (
              <Table withTableBorder data-testid="detail-denied">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('detail.deniedCoordinate')}</Table.Th>
                    <Table.Th>{t('detail.deniedPath')}</Table.Th>
                    <Table.Th>{t('detail.deniedReason')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {e.denied.map((d, i) => (
                    <Table.Tr key={`${d.coordinate}-${d.path ?? ''}-${i}`} data-testid="denied-row">
                      <Table.Td>
                        <Code>{d.coordinate}</Code>
                      </Table.Td>
                      <Table.Td>{d.path ?? '—'}</Table.Td>
                      <Table.Td data-testid="denied-reason">{d.reason}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            ) : (
              <Text size="sm" c="dimmed" data-testid="detail-denied">
                {t('detail.none')}
              </Text>
            )}
            <SimpleGrid cols={{ base: 1, md: 3 }} mt="md">
              <Field label={t('detail.requested')}>
                <Badges items={e.requested} color="blue" testid="detail-requested" />
              </Field>
              <Field label={t('detail.personal')}>
                <Badges items={e.personal} color="violet" testid="detail-personal" />
              </Field>
              <Field label={t('detail.subgraphs')}>
                <Badges items={e.subgraphs} color="teal" testid="detail-subgraphs" />
              </Field>
            </SimpleGrid>
          </Paper>

          <Paper withBorder p="md">
            <Title order={5} mb="xs">
              {t('detail.chain')}
            </Title>
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <Field label={t('detail.seq')}>
                <Code>{e.chainId}</Code> #{e.seq}
              </Field>
              <div />
              <Field label={t('detail.hash')} testid="detail-hash">
                <Code style={{ wordBreak: 'break-all' }}>{e.hash}</Code>
              </Field>
              <Field label={t('detail.previousHash')} testid="detail-previous-hash">
                <Code style={{ wordBreak: 'break-all' }}>{e.previousHash}</Code>
              </Field>
            </SimpleGrid>
          </Paper>
        </>
      )}
    </div>
  );
}
