import {
  Alert,
  Button,
  Card,
  Checkbox,
  FileButton,
  Group,
  Modal,
  Progress,
  Radio,
  ScrollArea,
  Select,
  SimpleGrid,
  Stack,
  Stepper,
  Table,
  Text,
  ThemeIcon,
} from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconFileSpreadsheet, IconInfoCircle, IconUpload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type DragEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CsvEncoding } from '../../../domain/discovery/csv-encoding.js';
import { isApiError } from '../../api/client.js';
import { importJobQuery } from '../../api/discovery.js';
import { useImportFinished, useStartImport } from '../../api/discovery-mutations.js';
import { useErrorMessage } from '../../api/error-message.js';
import table from '../../components/data-table.module.css';
import { guessMapping, IMPORT_FIELDS, type ImportField, type ImportKind, REQUIRED_FIELD } from './guess-mapping.js';
import classes from './imports.module.css';
import { parsePreview } from './parse-preview.js';
import { describeNotice, describeRow } from './row-problems.js';
import '../../i18n/discovery.js';

interface Parsed {
  file: File;
  headers: string[];
  rows: string[][];
  encoding: CsvEncoding;
}

function formatSize(bytes: number, locale: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)} ${units[unit]}`;
}

function isCsv(file: File): boolean {
  return /\.(csv|tsv|txt)$/i.test(file.name) || ['text/csv', 'text/tab-separated-values', 'application/vnd.ms-excel'].includes(file.type);
}

/**
 * CSV import in four steps: choose the file, map its columns (guessed from the header names,
 * previewed on the first rows), follow the progress, read the report.
 */
export default function ImportWizard({
  workspace,
  kind,
  opened,
  onClose,
}: {
  workspace: string;
  kind: ImportKind;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size={1000}
      title={<Text fw={650}>{kind === 'insights' ? t('imports.titleInsights') : t('imports.titleCustomers')}</Text>}
    >
      <Wizard workspace={workspace} kind={kind} onClose={onClose} />
    </Modal>
  );
}

function Wizard({ workspace, kind, onClose }: { workspace: string; kind: ImportKind; onClose: () => void }) {
  const { t } = useTranslation();
  const [parsed, setParsed] = useState<Parsed | null>(null);
  const [mapping, setMapping] = useState<Record<string, ImportField | null>>({});
  const [onError, setOnError] = useState<'skip' | 'stop'>('skip');
  // Off, as in the API and the CLI: a customer nobody created is a row to look at, not a new account.
  const [createCustomers, setCreateCustomers] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const start = useStartImport(workspace);
  const job = useQuery({ ...importJobQuery(workspace, jobId ?? ''), enabled: jobId !== null });
  const finished = job.data && job.data.status !== 'running';
  const step = !parsed ? 0 : !jobId ? 1 : !finished ? 2 : 3;

  const reset = () => {
    setParsed(null);
    setMapping({});
    setJobId(null);
    start.reset();
  };

  return (
    <Stack gap="lg">
      <Stepper active={step === 3 ? 4 : step} size="sm" allowNextStepsSelect={false} iconSize={30}>
        <Stepper.Step label={t('imports.steps.file')} description={t('imports.steps.fileHint')} />
        <Stepper.Step label={t('imports.steps.columns')} description={t('imports.steps.columnsHint')} />
        <Stepper.Step label={t('imports.steps.progress')} description={t('imports.steps.progressHint')} />
        <Stepper.Step label={t('imports.steps.report')} description={t('imports.steps.reportHint')} />
      </Stepper>
      {step === 0 && (
        <FileStep
          onParsed={(next) => {
            setParsed(next);
            const guess = guessMapping(next.headers, kind);
            setMapping(Object.fromEntries(next.headers.map((h) => [h, guess[h] ?? null])));
          }}
        />
      )}
      {step === 1 && parsed && (
        <MappingStep
          kind={kind}
          parsed={parsed}
          mapping={mapping}
          setMapping={setMapping}
          onError={onError}
          setOnError={setOnError}
          createCustomers={createCustomers}
          setCreateCustomers={setCreateCustomers}
          starting={start.isPending}
          error={start.error}
          onBack={reset}
          onStart={() => {
            const chosen = Object.fromEntries(Object.entries(mapping).filter((e): e is [string, ImportField] => e[1] !== null));
            start.mutate(
              { kind, mapping: chosen, onError, createCustomers: kind === 'insights' && createCustomers, file: parsed.file },
              { onSuccess: (j) => setJobId(j.id) },
            );
          }}
        />
      )}
      {step === 2 && <ProgressStep workspace={workspace} jobId={jobId ?? ''} />}
      {step === 3 && job.data && <ReportStep workspace={workspace} kind={kind} jobId={job.data.id} onAnother={reset} onClose={onClose} />}
    </Stack>
  );
}

function FileStep({ onParsed }: { onParsed: (parsed: Parsed) => void }) {
  const { t } = useTranslation();
  const [dragging, setDragging] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const resetRef = useRef<() => void>(null);

  const take = async (file: File | null | undefined) => {
    resetRef.current?.();
    if (!file) return;
    setError(null);
    if (!isCsv(file)) {
      setError(t('imports.notCsv', { name: file.name }));
      return;
    }
    setReading(true);
    try {
      onParsed({ file, ...(await parsePreview(file)) });
    } catch (e) {
      setError((e as Error).message === 'empty' ? t('imports.emptyFile') : t('imports.unreadable'));
    } finally {
      setReading(false);
    }
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    void take(event.dataTransfer.files[0]);
  };

  return (
    <Stack gap="md">
      {/* A drop target for the mouse; the file button inside is the keyboard's way in. */}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: drag-and-drop only; the button does the same */}
      <div
        className={classes.dropzone}
        data-dragging={dragging || undefined}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="import-dropzone"
      >
        <Stack align="center" gap="sm">
          <ThemeIcon size={54} radius="xl" variant="light">
            <IconUpload size={26} aria-hidden />
          </ThemeIcon>
          <Text fw={600}>{t('imports.drop')}</Text>
          <Text size="sm" c="dimmed">
            {t('imports.dropOr')}
          </Text>
          <FileButton resetRef={resetRef} onChange={(file) => void take(file)} accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values">
            {(props) => (
              <Button {...props} loading={reading} leftSection={<IconFileSpreadsheet size={16} aria-hidden />} data-testid="choose-csv">
                {t('imports.choose')}
              </Button>
            )}
          </FileButton>
          <Text size="xs" c="dimmed" ta="center" maw={520}>
            {t('imports.dropHint')}
          </Text>
        </Stack>
      </div>
      {error && (
        <Alert color="red" variant="light" role="alert" icon={<IconAlertTriangle size={18} aria-hidden />}>
          {error}
        </Alert>
      )}
    </Stack>
  );
}

function MappingStep({
  kind,
  parsed,
  mapping,
  setMapping,
  onError,
  setOnError,
  createCustomers,
  setCreateCustomers,
  starting,
  error,
  onBack,
  onStart,
}: {
  kind: ImportKind;
  parsed: Parsed;
  mapping: Record<string, ImportField | null>;
  setMapping: (next: Record<string, ImportField | null>) => void;
  onError: 'skip' | 'stop';
  setOnError: (value: 'skip' | 'stop') => void;
  createCustomers: boolean;
  setCreateCustomers: (value: boolean) => void;
  starting: boolean;
  error: unknown;
  onBack: () => void;
  onStart: () => void;
}) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const fields = IMPORT_FIELDS[kind] as readonly ImportField[];
  const required = REQUIRED_FIELD[kind];
  const used = new Set(Object.values(mapping).filter(Boolean));
  const mappedCount = used.size;
  const idColumn = Object.entries(mapping).find(([, f]) => f === 'externalId')?.[0];
  const columnErrors: Record<string, string> = {};
  let formError: string | null = null;
  if (error) {
    if (isApiError(error) && error.errors?.length) {
      for (const e of error.errors) {
        const m = /^mapping\.(.+)$/.exec(e.path);
        if (m?.[1]) columnErrors[m[1]] = e.message;
        else formError = e.message;
      }
      if (!formError && Object.keys(columnErrors).length === 0) formError = errorMessage(error);
    } else formError = errorMessage(error);
  }
  const sample = (index: number) => parsed.rows.map((r) => r[index]?.trim()).find((v) => v) ?? '';
  // Column names may repeat; their position makes them unique.
  const columns = parsed.headers.map((header, index) => ({ header, index, id: `column-${index}` }));
  const previewRows = parsed.rows.map((cells, index) => ({ cells, id: `row-${index}` }));

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="nowrap">
        <Group gap="xs" wrap="nowrap">
          <IconFileSpreadsheet size={18} aria-hidden style={{ color: 'var(--mantine-color-dimmed)' }} />
          <Text size="sm" fw={600} truncate>
            {t('imports.fileInfo', { name: parsed.file.name, size: formatSize(parsed.file.size, i18n.resolvedLanguage ?? 'en') })}
          </Text>
        </Group>
        <Button variant="subtle" size="compact-sm" onClick={onBack}>
          {t('imports.changeFile')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t('imports.mapIntro')}
      </Text>
      {parsed.encoding === 'windows-1252' && (
        <Alert variant="light" color="cairn" icon={<IconInfoCircle size={18} aria-hidden />} p="xs" data-testid="import-encoding">
          <Text size="sm">{t('imports.readAsWindows1252')}</Text>
        </Alert>
      )}
      <ScrollArea.Autosize
        mah={300}
        type="auto"
        offsetScrollbars
        viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': t('imports.steps.columns') }}
      >
        <Table className={table.table} verticalSpacing={6} horizontalSpacing="md" data-testid="mapping-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('imports.column')}</Table.Th>
              <Table.Th>{t('imports.sample')}</Table.Th>
              <Table.Th w={260}>{t('imports.field')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {columns.map(({ header, index, id }) => (
              <Table.Tr key={id}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {header || '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed" lineClamp={1} maw={320}>
                    {sample(index)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Select
                    size="xs"
                    aria-label={`${t('imports.field')}: ${header}`}
                    data={[
                      { value: '', label: t('imports.ignore') },
                      ...fields.map((f) => ({
                        value: f,
                        label: f === required ? `${t(`imports.fields.${f}`)} (${t('imports.required')})` : t(`imports.fields.${f}`),
                        disabled: used.has(f) && mapping[header] !== f,
                      })),
                    ]}
                    value={mapping[header] ?? ''}
                    onChange={(value) => setMapping({ ...mapping, [header]: (value || null) as ImportField | null })}
                    allowDeselect={false}
                    comboboxProps={{ withinPortal: true }}
                    error={columnErrors[header]}
                    data-testid={`map-${header}`}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>

      <Stack gap={6}>
        <Text size="sm" fw={600}>
          {t('imports.preview')}
        </Text>
        <ScrollArea type="auto" offsetScrollbars viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': t('imports.preview') }}>
          <Table className={table.table} verticalSpacing={4} horizontalSpacing="sm" fz="xs" striped withColumnBorders>
            <Table.Caption>
              {parsed.rows.length > 0 ? t('imports.previewCaption', { count: parsed.rows.length }) : t('imports.emptyFile')}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                {columns.map(({ header, id }) => {
                  const field = mapping[header];
                  return (
                    <Table.Th key={id} style={{ opacity: field ? 1 : 0.55 }}>
                      <Stack gap={2}>
                        <span>{header}</span>
                        {field ? (
                          <Text size="xs" fw={600} c="var(--mantine-color-anchor)" style={{ whiteSpace: 'nowrap' }}>
                            {t(`imports.fields.${field}`)}
                          </Text>
                        ) : (
                          <Text size="xs" c="dimmed" fw={400}>
                            {t('imports.ignore')}
                          </Text>
                        )}
                      </Stack>
                    </Table.Th>
                  );
                })}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {previewRows.map((row) => (
                <Table.Tr key={row.id}>
                  {columns.map(({ header, index, id }) => (
                    <Table.Td
                      key={id}
                      style={{ opacity: mapping[header] ? 1 : 0.55, minWidth: mapping[header] === 'text' ? 220 : undefined }}
                    >
                      <Text size="xs" lineClamp={2} maw={280}>
                        {row.cells[index] ?? ''}
                      </Text>
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      </Stack>

      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
        <Radio.Group label={t('imports.onError')} value={onError} onChange={(v) => setOnError(v as 'skip' | 'stop')}>
          <Stack gap="xs" mt={8}>
            <Radio value="skip" label={t('imports.onErrorSkip')} description={t('imports.onErrorSkipHint')} />
            <Radio value="stop" label={t('imports.onErrorStop')} description={t('imports.onErrorStopHint')} />
          </Stack>
        </Radio.Group>
        <Stack gap="md">
          {kind === 'insights' && (
            <Checkbox
              label={t('imports.createCustomers')}
              description={t('imports.createCustomersHint')}
              checked={createCustomers}
              onChange={(e) => setCreateCustomers(e.currentTarget.checked)}
            />
          )}
          <Alert variant="light" color="cairn" icon={<IconInfoCircle size={18} aria-hidden />} title={t('imports.reimportTitle')} p="sm">
            <Text size="xs">{idColumn ? t('imports.reimportWithId', { column: idColumn }) : t('imports.reimportWithoutId')}</Text>
          </Alert>
        </Stack>
      </SimpleGrid>

      {!used.has(required) && (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} p="sm">
          <Text size="sm">{t('imports.needRequired', { field: t(`imports.fields.${required}`) })}</Text>
        </Alert>
      )}
      {formError && (
        <Alert color="red" variant="light" role="alert">
          {formError}
        </Alert>
      )}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onBack}>
          {t('imports.changeFile')}
        </Button>
        <Button onClick={onStart} disabled={!used.has(required)} loading={starting} data-testid="start-import">
          {t('imports.start', { count: mappedCount })}
        </Button>
      </Group>
    </Stack>
  );
}

function ProgressStep({ workspace, jobId }: { workspace: string; jobId: string }) {
  const { t } = useTranslation();
  const job = useQuery(importJobQuery(workspace, jobId));
  const data = job.data;
  const percent = data && data.totalRows > 0 ? Math.round((data.processedRows / data.totalRows) * 100) : 0;
  return (
    <Stack gap="md" py="md" data-testid="import-progress">
      <Text fw={600}>{data ? t('imports.running', { file: data.fileName }) : t('imports.waiting')}</Text>
      <Progress value={percent} size="lg" radius="xl" striped animated aria-label={t('imports.steps.progress')} />
      <Text size="sm" c="dimmed" aria-live="polite">
        {data ? t('imports.progress', { processed: data.processedRows, total: data.totalRows }) : t('imports.waiting')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('imports.backgroundHint')}
      </Text>
    </Stack>
  );
}

function ReportStep({
  workspace,
  kind,
  jobId,
  onAnother,
  onClose,
}: {
  workspace: string;
  kind: ImportKind;
  jobId: string;
  onAnother: () => void;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const job = useQuery(importJobQuery(workspace, jobId));
  const finishedCallback = useImportFinished(workspace);
  const notified = useRef(false);
  useEffect(() => {
    if (!notified.current) {
      notified.current = true;
      finishedCallback();
    }
  }, [finishedCallback]);
  const data = job.data;
  if (!data) return null;
  const number = new Intl.NumberFormat(i18n.resolvedLanguage ?? 'en');
  const failed = data.status === 'failed';
  const stats = [
    { key: 'created', label: t('imports.created'), value: data.createdRows },
    { key: 'updated', label: t('imports.updated'), value: data.updatedRows },
    { key: 'unchanged', label: t('imports.unchanged'), value: data.unchangedRows },
    { key: 'skipped', label: t('imports.skipped'), value: data.skippedRows },
  ];
  return (
    <Stack gap="md" data-testid="import-report">
      <Alert
        color={failed ? 'orange' : 'teal'}
        variant="light"
        icon={failed ? <IconAlertTriangle size={18} aria-hidden /> : <IconCheck size={18} aria-hidden />}
        title={failed ? t('imports.failedTitle') : t('imports.doneTitle')}
      >
        <Text size="sm">
          {data.fileName} · {t('imports.progress', { processed: data.processedRows, total: data.totalRows })}
        </Text>
        {(data.notice || data.message) && (
          <Text size="sm" mt={4} data-testid="import-notice">
            {data.notice ? describeNotice(t, data.notice) : data.message}
          </Text>
        )}
      </Alert>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
        {stats.map((s) => (
          <Card key={s.key} padding="md" data-testid={`import-${s.key}`}>
            <Text size="xs" c="dimmed" fw={600} tt="uppercase">
              {s.label}
            </Text>
            <Text fz={28} fw={700} lh={1.2} c={s.value ? undefined : 'dimmed'}>
              {number.format(s.value)}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      {data.errors.length > 0 ? (
        <Stack gap={6}>
          <Text size="sm" fw={600}>
            {t('imports.errors')}
          </Text>
          <ScrollArea.Autosize
            mah={240}
            type="auto"
            offsetScrollbars
            viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': t('imports.errors') }}
          >
            <Table className={table.table} verticalSpacing={6} horizontalSpacing="md" data-testid="import-errors">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={90}>{t('imports.line')}</Table.Th>
                  <Table.Th>{t('imports.reason')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.errors.map((e) => (
                  <Table.Tr key={`${e.line}:${e.reason}`}>
                    <Table.Td>
                      <Text size="sm" ff="monospace">
                        {e.endLine > e.line ? t('imports.lines', { from: e.line, to: e.endLine }) : e.line}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{describeRow(t, e)}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
          {data.skippedRows > data.errors.length && (
            <Text size="xs" c="dimmed">
              {t('imports.errorsMore', { count: data.errors.length })}
            </Text>
          )}
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          {t('imports.noErrors')}
        </Text>
      )}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onAnother}>
          {t('imports.importAnother')}
        </Button>
        <Button onClick={onClose} data-testid="import-done">
          {kind === 'insights' ? t('imports.viewInsights') : t('imports.viewCustomers')}
        </Button>
      </Group>
    </Stack>
  );
}
