import { Alert, Button, Card, Code, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLock } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isValidSlug } from '../../../domain/slug.js';
import { isApiError } from '../../api/client.js';
import { useErrorMessage, useFieldErrors } from '../../api/error-message.js';
import { useUpdateWorkspace } from '../../api/workspace-mutations.js';
import { rememberWorkspace } from '../../app/preferences.js';
import { useWorkspace } from '../../app/use-workspace.js';
import { ConflictAlert } from '../../components/conflict-alert.js';
import { useFormat } from '../../components/format.js';
import { ButtonLink } from '../../components/links.js';
import { Page, PageHeader } from '../../components/page-header.js';

/** The workspace's name and address. Only owners change them. */
export function WorkspaceSettingsPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const format = useFormat();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const fieldErrors = useFieldErrors();
  const manage = workspace.can('workspace.manage');
  const update = useUpdateWorkspace(workspace.key);
  const [form, setForm] = useState({ name: workspace.name, slug: workspace.slug, baseVersion: workspace.version });
  const [conflict, setConflict] = useState(false);
  const slugInvalid = !isValidSlug(form.slug);
  const dirty = form.name.trim() !== workspace.name || form.slug !== workspace.slug;
  const errors = fieldErrors(update.error);

  const save = (version: number) => {
    setConflict(false);
    update.mutate(
      {
        version,
        ...(form.name.trim() !== workspace.name && { name: form.name.trim() }),
        ...(form.slug !== workspace.slug && { slug: form.slug }),
      },
      {
        onSuccess: (saved) => {
          setForm({ name: saved.name, slug: saved.slug, baseVersion: saved.version });
          notifications.show({ color: 'teal', message: t('settings.saved') });
          if (saved.slug !== workspace.key) {
            rememberWorkspace(saved.slug);
            void navigate({ to: '/w/$workspace/settings', params: { workspace: saved.slug }, replace: true });
          }
        },
        onError: (error) => {
          if (isApiError(error, 'version_conflict')) setConflict(true);
        },
      },
    );
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (dirty && !slugInvalid && form.name.trim()) save(form.baseVersion);
  };

  return (
    <Page width={760}>
      <PageHeader title={t('settings.title')} description={t('settings.description')} />
      <Stack gap="lg">
        {!manage && (
          <Alert color="gray" variant="light" icon={<IconLock size={18} aria-hidden />}>
            {t('settings.ownersOnly', { role: t(`roles.${workspace.role}.label`) })}
          </Alert>
        )}
        <Card component="section" aria-labelledby="general-title">
          <Title order={2} fz="h3" id="general-title" mb="md">
            {t('settings.general')}
          </Title>
          <form onSubmit={submit} noValidate>
            <Stack gap="md">
              <TextInput
                label={t('workspace.name')}
                value={form.name}
                onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
                disabled={!manage}
                maxLength={120}
                required
                error={errors.name}
              />
              <TextInput
                label={t('workspace.slug')}
                description={t('workspace.slugHint', { url: `${window.location.origin}/w/${form.slug || '…'}` })}
                value={form.slug}
                onChange={(e) => setForm({ ...form, slug: e.currentTarget.value.toLowerCase() })}
                disabled={!manage}
                maxLength={48}
                error={
                  slugInvalid
                    ? t('workspace.slugInvalid')
                    : (errors.slug ?? (isApiError(update.error, 'slug_taken') ? errorMessage(update.error) : undefined))
                }
                leftSection={
                  <Text size="sm" c="dimmed">
                    /w/
                  </Text>
                }
                leftSectionWidth={38}
              />
              {conflict && (
                <ConflictAlert
                  onReload={() => {
                    setConflict(false);
                    setForm({ name: workspace.name, slug: workspace.slug, baseVersion: workspace.version });
                  }}
                  onOverwrite={() => save(workspace.version)}
                  busy={update.isPending}
                />
              )}
              {update.error && !conflict && !isApiError(update.error, 'slug_taken') && Object.keys(errors).length === 0 && (
                <Alert color="red" variant="light" role="alert">
                  {errorMessage(update.error)}
                </Alert>
              )}
              {manage && (
                <Group justify="flex-end" gap="sm">
                  <Button
                    variant="default"
                    disabled={!dirty}
                    onClick={() => setForm({ name: workspace.name, slug: workspace.slug, baseVersion: workspace.version })}
                  >
                    {t('common.reset')}
                  </Button>
                  <Button type="submit" disabled={!dirty || slugInvalid || !form.name.trim() || conflict} loading={update.isPending}>
                    {t('common.saveChanges')}
                  </Button>
                </Group>
              )}
            </Stack>
          </form>
        </Card>
        <Card component="section" aria-labelledby="scoring-link-title">
          <Group justify="space-between" wrap="wrap" gap="md">
            <Stack gap={4} style={{ flex: 1, minWidth: 240 }}>
              <Title order={2} fz="h3" id="scoring-link-title">
                {t('nav.scoringRules')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('settings.scoringBody')}
              </Text>
            </Stack>
            <ButtonLink to="/w/$workspace/settings/scoring" params={{ workspace: workspace.key }} variant="default">
              {t('nav.scoringRules')}
            </ButtonLink>
          </Group>
        </Card>
        <Card component="section" aria-labelledby="about-title">
          <Title order={2} fz="h3" id="about-title" mb="md">
            {t('settings.about')}
          </Title>
          <Stack gap="xs">
            <Group gap="xs">
              <Text size="sm" c="dimmed" w={140}>
                {t('settings.yourRole')}
              </Text>
              <Text size="sm">{t(`roles.${workspace.role}.label`)}</Text>
            </Group>
            <Group gap="xs">
              <Text size="sm" c="dimmed" w={140}>
                {t('settings.created')}
              </Text>
              <Text size="sm">{format.date(workspace.createdAt)}</Text>
            </Group>
            <Group gap="xs" wrap="nowrap">
              <Text size="sm" c="dimmed" w={140}>
                {t('settings.id')}
              </Text>
              <Code>{workspace.id}</Code>
            </Group>
          </Stack>
        </Card>
      </Stack>
    </Page>
  );
}
