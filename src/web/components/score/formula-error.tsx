import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../../domain/scoring/index.js';
import classes from './score.module.css';

/**
 * A formula mistake where it is: the message, the position (1-based for people), and the
 * formula's line with a caret under the character at fault.
 */
export function FormulaErrors({ errors, testId }: { errors: readonly FieldError[]; testId?: string }) {
  const { t } = useTranslation();
  if (errors.length === 0) return null;
  return (
    <Stack gap="xs" data-testid={testId} role="alert">
      {errors.map((e) => {
        const cut = e.pointer?.lastIndexOf('\n') ?? -1;
        const line = e.pointer && cut >= 0 ? e.pointer.slice(0, cut) : null;
        const caret = e.pointer && cut >= 0 ? e.pointer.slice(cut + 1) : null;
        return (
          <Stack key={`${e.field}:${e.position ?? ''}:${e.message}`} gap={4}>
            <Text size="sm" fw={500} className={classes.errorText}>
              {e.position !== undefined
                ? t('scoring.formulaErrorAt', { position: e.position + 1, message: e.message })
                : `${e.field === 'formula' ? '' : `${e.field}: `}${e.message}`}
            </Text>
            {line !== null && caret !== null && (
              <pre className={classes.pointer} data-testid="formula-pointer" aria-hidden>
                {line}
                {'\n'}
                <span className={classes.pointerCaret}>{caret}</span>
              </pre>
            )}
          </Stack>
        );
      })}
    </Stack>
  );
}
