import { Button, Stack, Text, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isValidSlug, slugify } from '../../../domain/slug.js';
import { useErrorMessage, useFieldErrors } from '../../api/error-message.js';
import { useCreateWorkspace } from '../../api/workspace-mutations.js';

/** Name and address of a new workspace; the address follows the name until edited. */
export function CreateWorkspaceForm({ onCreated, autoFocus = true }: { onCreated?: () => void; autoFocus?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateWorkspace();
  const errorMessage = useErrorMessage();
  const fieldErrors = useFieldErrors();
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [slugEdited, setSlugEdited] = useState(false);
  const effectiveSlug = slugEdited ? slug : name.trim() ? slugify(name) : '';
  const slugInvalid = effectiveSlug !== '' && !isValidSlug(effectiveSlug);
  const serverFields = fieldErrors(create.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim() || slugInvalid) return;
    create.mutate(
      { name: name.trim(), ...(effectiveSlug && { slug: effectiveSlug }) },
      {
        onSuccess: (workspace) => {
          onCreated?.();
          void navigate({ to: '/w/$workspace/products', params: { workspace: workspace.slug } });
        },
      },
    );
  };

  const slugError = slugInvalid
    ? t('workspace.slugInvalid')
    : create.error &&
      (serverFields.slug ?? ('code' in create.error && create.error.code === 'slug_taken' ? errorMessage(create.error) : undefined));

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput
          label={t('workspace.name')}
          description={t('workspace.nameHint')}
          placeholder={t('workspace.namePlaceholder')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          required
          maxLength={120}
          data-autofocus={autoFocus || undefined}
          autoFocus={autoFocus}
          error={serverFields.name}
        />
        <TextInput
          label={t('workspace.slug')}
          description={t('workspace.slugHint', { url: `${window.location.origin}/w/${effectiveSlug || '…'}` })}
          value={effectiveSlug}
          onChange={(e) => {
            setSlugEdited(true);
            setSlug(e.currentTarget.value.toLowerCase());
          }}
          maxLength={48}
          error={slugError}
          leftSection={
            <Text size="sm" c="dimmed">
              /w/
            </Text>
          }
          leftSectionWidth={38}
        />
        {create.error && !slugError && !serverFields.name && (
          <Text c="red" size="sm" role="alert">
            {errorMessage(create.error)}
          </Text>
        )}
        <Button type="submit" loading={create.isPending} disabled={!name.trim() || slugInvalid}>
          {t('workspace.create')}
        </Button>
      </Stack>
    </form>
  );
}
