// Sign-in with the password grant of the gateway's /auth/token; the token stays in memory.
import { useState, type FormEvent } from 'react';
import { Alert, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { ApiError, Session } from './api';
import { useT, type Key } from './i18n';

export function SignIn({ notice, onSignedIn }: { notice: Key | null; onSignedIn: (s: Session) => void }) {
  const { t } = useT();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await Session.signIn(username.trim(), password));
    } catch (err) {
      setError(err instanceof ApiError && err.kind === 'network' ? t('signin.network') : err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder shadow="sm" p="xl" maw={420} mx="auto" mt="xl" data-testid="sign-in">
      <form onSubmit={(e) => void submit(e)}>
        <Stack>
          <Title order={3}>{t('signin.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('signin.intro')}
          </Text>
          {notice && (
            <Alert color="yellow" data-testid="sign-in-notice">
              {t(notice)}
            </Alert>
          )}
          <TextInput
            label={t('signin.username')}
            autoComplete="username"
            required
            value={username}
            onChange={(e) => setUsername(e.currentTarget.value)}
            data-testid="username"
          />
          <PasswordInput
            label={t('signin.password')}
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            data-testid="password"
          />
          {error && (
            <Alert color="red" title={t('signin.failed')} data-testid="sign-in-error">
              {error}
            </Alert>
          )}
          <Button type="submit" loading={busy} data-testid="sign-in-submit">
            {t('signin.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
