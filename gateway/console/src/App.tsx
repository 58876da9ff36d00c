// The console's frame: language switch, who is signed in, and the three views (events, statistics, chain check).
import { useCallback, useMemo, useState } from 'react';
import {
  Alert,
  AppShell,
  Badge,
  Button,
  Container,
  createTheme,
  Group,
  MantineProvider,
  SegmentedControl,
  Stack,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { ApiError, type AuditEventFilter, type Session } from './api';
import { LangContext, translator, type Key, type Lang } from './i18n';
import { SignIn } from './SignIn';
import { Events } from './Events';
import { EventDetail } from './EventDetail';
import { Statistics } from './Statistics';
import { ChainCheck } from './ChainCheck';
import { Usage } from './Usage';

const theme = createTheme({
  primaryColor: 'indigo',
  // System fonts only: the console loads nothing from outside the gateway.
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
});

export type Problem = { kind: ApiError['kind']; message: string } | null;

/** What the views do with a failed call: sign out on an expired session, otherwise show it. */
export type OnError = (e: unknown) => void;

export function App({ styleNonce }: { styleNonce: string }) {
  const [lang, setLang] = useState<Lang>('vi');
  const [session, setSession] = useState<Session | null>(null);
  const [notice, setNotice] = useState<Key | null>(null);
  const [tab, setTab] = useState<string>('events');
  const [filter, setFilter] = useState<AuditEventFilter>({});
  // Every applied filter (even the same one again) starts the list afresh on its first page.
  const [filterRound, setFilterRound] = useState(0);
  const [openId, setOpenId] = useState<string | null>(null);
  const [forbidden, setForbidden] = useState(false);
  const i18n = useMemo(() => ({ lang, t: translator(lang) }), [lang]);
  const { t } = i18n;

  const signOut = useCallback((why: Key | null = null) => {
    setSession(null);
    setForbidden(false);
    setOpenId(null);
    setFilter({});
    setFilterRound((r) => r + 1);
    setNotice(why);
  }, []);

  const onError: OnError = useCallback(
    (e: unknown) => {
      if (e instanceof ApiError && e.kind === 'expired') signOut('session.expired');
      else if (e instanceof ApiError && e.kind === 'forbidden') setForbidden(true);
    },
    [signOut],
  );

  const applyFilter = (f: AuditEventFilter) => {
    setFilter(f);
    setFilterRound((r) => r + 1);
  };

  const open = (id: string) => {
    setOpenId(id);
    setTab('events');
  };

  return (
    <MantineProvider theme={theme} getStyleNonce={() => styleNonce} defaultColorScheme="light">
      <DatesProvider settings={{ locale: lang, firstDayOfWeek: 1 }}>
        <LangContext.Provider value={i18n}>
          <AppShell header={{ height: 64 }} padding="md">
            <AppShell.Header>
              <Group h="100%" px="md" justify="space-between" wrap="nowrap">
                <div>
                  <Title order={3} data-testid="app-title">
                    {t('app.title')}
                  </Title>
                  <Text size="xs" c="dimmed">
                    {t('app.subtitle')}
                  </Text>
                </div>
                <Group gap="sm" wrap="nowrap">
                  {session && (
                    <Group gap={6} wrap="nowrap" data-testid="signed-in">
                      <Text size="sm">{t('session.signedInAs')}</Text>
                      <Badge variant="light" size="lg" tt="none" data-testid="signed-in-user">
                        {session.identity.username}
                      </Badge>
                      {session.identity.agency && (
                        <Badge variant="outline" color="gray">
                          {session.identity.agency}
                        </Badge>
                      )}
                      <Button variant="subtle" size="xs" onClick={() => signOut()} data-testid="sign-out">
                        {t('session.signOut')}
                      </Button>
                    </Group>
                  )}
                  <SegmentedControl
                    size="xs"
                    aria-label={t('lang.label')}
                    data-testid="lang-switch"
                    value={lang}
                    onChange={(v) => setLang(v === 'en' ? 'en' : 'vi')}
                    data={[
                      { value: 'vi', label: 'VI' },
                      { value: 'en', label: 'EN' },
                    ]}
                  />
                </Group>
              </Group>
            </AppShell.Header>
            <AppShell.Main>
              <Container size="xl">
                {!session ? (
                  <SignIn
                    notice={notice}
                    onSignedIn={(s) => {
                      setNotice(null);
                      setSession(s);
                      setTab('events');
                    }}
                  />
                ) : forbidden ? (
                  <Alert color="red" title={t('session.notAuditorTitle')} data-testid="not-auditor">
                    <Stack gap="sm" align="flex-start">
                      <Text size="sm">{t('session.notAuditor')}</Text>
                      <Button size="xs" variant="light" color="red" onClick={() => signOut()}>
                        {t('session.signOut')}
                      </Button>
                    </Stack>
                  </Alert>
                ) : (
                  <Tabs value={tab} onChange={(v) => setTab(v ?? 'events')} keepMounted={false}>
                    <Tabs.List mb="md">
                      <Tabs.Tab value="events" data-testid="tab-events">
                        {t('tab.events')}
                      </Tabs.Tab>
                      <Tabs.Tab value="statistics" data-testid="tab-statistics">
                        {t('tab.statistics')}
                      </Tabs.Tab>
                      <Tabs.Tab value="usage" data-testid="tab-usage">
                        {t('tab.usage')}
                      </Tabs.Tab>
                      <Tabs.Tab value="chain" data-testid="tab-chain">
                        {t('tab.chain')}
                      </Tabs.Tab>
                    </Tabs.List>
                    <Tabs.Panel value="events">
                      {/* The list stays mounted behind an open event, so "back" returns to the same page. */}
                      <div hidden={openId !== null}>
                        <Events
                          key={filterRound}
                          session={session}
                          filter={filter}
                          onFilter={applyFilter}
                          onOpen={open}
                          onError={onError}
                        />
                      </div>
                      {openId && (
                        <EventDetail
                          session={session}
                          id={openId}
                          onBack={() => setOpenId(null)}
                          onError={onError}
                          onFilterAccount={(account) => {
                            applyFilter({ account });
                            setOpenId(null);
                          }}
                        />
                      )}
                    </Tabs.Panel>
                    <Tabs.Panel value="statistics">
                      <Statistics session={session} onError={onError} />
                    </Tabs.Panel>
                    <Tabs.Panel value="usage">
                      <Usage session={session} onError={onError} />
                    </Tabs.Panel>
                    <Tabs.Panel value="chain">
                      <ChainCheck session={session} onError={onError} onOpen={open} />
                    </Tabs.Panel>
                  </Tabs>
                )}
              </Container>
            </AppShell.Main>
          </AppShell>
        </LangContext.Provider>
      </DatesProvider>
    </MantineProvider>
  );
}
