import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, DIALECTS, multipartForm as form, setupOwner, startTestApp, type TestApp } from '../../testing/harness.js';

describe.each(DIALECTS)('CSV import on %s', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let base: string;

  async function upload(fields: Record<string, string>, content: string | Buffer, name = 'feedback.csv') {
    const f = form(fields, { name, content });
    return owner.request('POST', `${base}/imports`, f.body, f.headers);
  }

  async function finished(id: string) {
    await Promise.all([...t.app.services.backgroundJobs]);
    return (await owner.get(`${base}/imports/${id}`)).json();
  }

  const insightCount = async () => (await owner.get(`${base}/insights?limit=1000&status=new,triaged,linked,archived`)).json().items.length;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = await setupOwner(t.app);
    base = `/api/v1/workspaces/${(await owner.post('/api/v1/workspaces', { name: 'Imports' })).json().slug}`;
  });
  afterAll(() => t.close());

  it('imports customers, then insights linked to them, with a report', async () => {
    const customers = 'Société;Segment;CA annuel;Devise;Id\nAcme;Enterprise;"12 000,00";EUR;c-1\nGlobex;SMB;600;EUR;c-2\n';
    const c = await upload(
      {
        kind: 'customers',
        mapping: JSON.stringify({ Société: 'name', Segment: 'segment', 'CA annuel': 'revenue', Devise: 'currency', Id: 'externalId' }),
      },
      customers,
    );
    expect(c.statusCode).toBe(202);
    const cj = await finished(c.json().id);
    expect(cj).toMatchObject({ status: 'done', totalRows: 2, createdRows: 2, skippedRows: 0 });
    expect((await owner.get(`${base}/customers?q=acme`)).json().items[0]).toMatchObject({ revenue: 12000, segment: 'Enterprise' });

    const csv = [
      'Feedback,Client,Date,Importance,Tags,Ref',
      'Roadmap PDF export is slow,Acme,14/03/2026,critique,"export, pdf",t-1',
      '"Multi-line ""quoted""\nfeedback",Globex,2026-03-15,low,,t-2',
      ',Acme,2026-03-16,important,,t-3',
      'Unknown customer here,Initech,2026-03-17,important,,t-4',
      'Bad date,Acme,31/02/2026,important,,t-5',
    ].join('\n');
    const mapping = { Feedback: 'text', Client: 'customer', Date: 'receivedAt', Importance: 'importance', Tags: 'tags', Ref: 'externalId' };
    const res = await upload({ kind: 'insights', mapping: JSON.stringify(mapping), onError: 'skip' }, csv);
    expect(res.statusCode).toBe(202);
    const job = await finished(res.json().id);
    expect(job).toMatchObject({ status: 'done', totalRows: 5, createdRows: 2, skippedRows: 3, processedRows: 5 });
    // Lines of the file: the quoted feedback on lines 3-4 spans two.
    expect(job.errors.map((e: { line: number }) => e.line)).toEqual([5, 6, 7]);
    expect(job.errors[1].reason).toMatch(/Unknown customer "Initech"/);
    expect(job.errors[1].problems).toEqual([expect.objectContaining({ code: 'unknown_customer', params: { name: 'Initech' } })]);
    expect(job.errors[2].problems[0]).toMatchObject({ code: 'invalid_value', params: { field: 'receivedAt', valueCode: 'invalid_date' } });
    const items = (await owner.get(`${base}/insights?q=roadmap`)).json().items;
    expect(items[0]).toMatchObject({
      importance: 'critical',
      tags: ['export', 'pdf'],
      customer: { name: 'Acme' },
      receivedAt: '2026-03-14T00:00:00.000Z',
    });

    // The activity tells the import once, not once per row.
    const told = (await owner.get(`${base}/activity?entity=import&id=${job.id}`)).json().items;
    expect(told.map((e: { action: string }) => e.action)).toEqual(['rows_imported', 'started']);
    expect(told[0].changes).toEqual({ file: { from: null, to: 'feedback.csv' }, insightsCreated: { from: null, to: 2 } });
    expect((await owner.get(`${base}/activity?entity=insight`)).json().items).toEqual([]);

    // Re-importing the same file with an external id column updates instead of duplicating.
    const before = await insightCount();
    const versions = (await owner.get(`${base}/insights?q=roadmap`)).json().items[0].version;
    const again = await finished((await upload({ kind: 'insights', mapping: JSON.stringify(mapping) }, csv)).json().id);
    // Nothing changed: no new version (nobody editing them meets a conflict) and no activity.
    expect(again).toMatchObject({ createdRows: 0, updatedRows: 0, unchangedRows: 2 });
    expect(await insightCount()).toBe(before);
    expect((await owner.get(`${base}/insights?q=roadmap`)).json().items[0].version).toBe(versions);
  });

  it('stops before writing anything when asked to and a row is bad', async () => {
    const before = await insightCount();
    const csv = 'text,source\nFine row,support\nBad source,carrier pigeon\n';
    const job = await finished(
      (await upload({ kind: 'insights', mapping: JSON.stringify({ text: 'text', source: 'source' }), onError: 'stop' }, csv)).json().id,
    );
    expect(job).toMatchObject({ status: 'failed', createdRows: 0 });
    expect(job.errors).toEqual([
      {
        line: 3,
        endLine: 3,
        reason: expect.stringContaining('carrier pigeon'),
        problems: [expect.objectContaining({ code: 'invalid_value', params: expect.objectContaining({ field: 'source' }) })],
      },
    ]);
    expect(job.notice).toEqual({ code: 'stopped_on_bad_rows', params: { count: 1 } });
    expect(await insightCount()).toBe(before);
  });

  it('keeps answering other requests while a large import runs, and its report matches what was written', async () => {
    const rows = 12_000;
    const lines = ['Feedback,Ref'];
    for (let i = 0; i < rows; i += 1) lines.push(`Progress check number ${i},ref-${i}`);
    const started = await upload({ kind: 'insights', mapping: JSON.stringify({ Feedback: 'text', Ref: 'externalId' }) }, lines.join('\n'));
    expect(started.statusCode).toBe(202);
    const seen: { status: string; processedRows: number }[] = [];
    for (;;) {
      const poll = await owner.get(`${base}/imports/${started.json().id}`);
      expect(poll.statusCode).toBe(200);
      seen.push(poll.json());
      if (poll.json().status !== 'running') break;
      await new Promise((resolve) => setTimeout(resolve, 20)); // as a browser polls
    }
    // Answered while rows were still being written, not only before or after.
    expect(seen.some((p) => p.status === 'running' && p.processedRows > 0 && p.processedRows < rows)).toBe(true);
    const job = await finished(started.json().id);
    expect(job).toMatchObject({ status: 'done', createdRows: rows, processedRows: rows, skippedRows: 0 });
    const found = (await owner.get(`${base}/insights?q=${encodeURIComponent('progress check')}&limit=200`)).json().items;
    expect(found.length).toBe(200);
    if (dialect === 'postgres') {
      // The planner learnt about the new rows (else the inbox reads them all to sort a page).
      const { rows: stats } = await sql<{ reltuples: number }>`select reltuples from pg_class where relname = 'insights'`.execute(
        t.db.kysely,
      );
      expect(stats[0]!.reltuples).toBeGreaterThanOrEqual(rows);
    }
  });

  it('creates missing customers when asked to', async () => {
    const job = await finished(
      (
        await upload(
          { kind: 'insights', mapping: JSON.stringify({ a: 'text', b: 'customer' }), createCustomers: 'true' },
          'a,b\nHello,Newco\nAgain,newco\n',
        )
      ).json().id,
    );
    expect(job).toMatchObject({ status: 'done', createdRows: 2 });
    const newco = (await owner.get(`${base}/customers?q=newco`)).json().items;
    expect(newco).toHaveLength(1);
    expect(newco[0].insightCount).toBe(2);
  });

  it('handles a BOM, Windows-1252 text, unbalanced quotes and wrong column counts', async () => {
    const bom = await finished(
      (await upload({ kind: 'insights', mapping: JSON.stringify({ text: 'text' }) }, '\ufefftext\nWith BOM\n')).json().id,
    );
    expect(bom).toMatchObject({ status: 'done', createdRows: 1 });
    const latin1 = Buffer.from('text\nCaf\xe9 cr\xe8me trop sucr\xe9\n\x93Bien\x94 \x80 l\x92\x9cuvre\n', 'latin1');
    const l = await finished((await upload({ kind: 'insights', mapping: JSON.stringify({ text: 'text' }) }, latin1)).json().id);
    expect(l).toMatchObject({
      status: 'done',
      createdRows: 2,
      message: expect.stringContaining('Windows-1252'),
      notice: { code: 'read_as_windows_1252', params: {} },
    });
    expect((await owner.get(`${base}/insights?q=creme`)).json().items[0].text).toBe('Café crème trop sucré');
    // Bytes 0x80-0x9F are Windows-1252's curly quotes, euro sign and œ, as a browser reads them.
    const texts = (await owner.get(`${base}/insights?limit=200`)).json().items.map((i: { text: string }) => i.text);
    expect(texts).toContain('“Bien” € l’œuvre');
    const broken = await finished(
      (
        await upload({ kind: 'insights', mapping: JSON.stringify({ text: 'text' }) }, 'text,other\nok,1\ntoo,many,cells\n"never closed,2\n')
      ).json().id,
    );
    expect(broken.createdRows).toBe(1);
    expect(broken.errors.map((e: { line: number }) => e.line)).toEqual([3, 4]);
    expect(broken.errors.map((e: { problems: { code: string }[] }) => e.problems[0]!.code)).toEqual(['column_count', 'unbalanced_quotes']);
  });

  it('lists every problem of a row at once, so the file is fixed in one pass', async () => {
    const job = await finished(
      (
        await upload(
          { kind: 'insights', mapping: JSON.stringify({ t: 'text', c: 'customer', d: 'receivedAt' }) },
          't,c,d\n,Nobody Inc,not a date\n',
        )
      ).json().id,
    );
    expect(job.errors[0].problems.map((p: { code: string }) => p.code).sort()).toEqual([
      'invalid_field',
      'invalid_value',
      'unknown_customer',
    ]);
    expect(job.errors[0].problems.find((p: { code: string }) => p.code === 'invalid_field').params.field).toBe('text');
  });

  it('reports the lines of the file: blank lines count, and an unclosed quote shows every line it swallowed', async () => {
    const csv = [
      'text,source',
      'first,support',
      '',
      '',
      'second,bad source',
      '"multi',
      'line",support',
      'third,carrier pigeon',
      '"never closed,support',
      'lost one,support',
      'lost two,support',
    ].join('\n');
    const job = await finished(
      (await upload({ kind: 'insights', mapping: JSON.stringify({ text: 'text', source: 'source' }) }, csv)).json().id,
    );
    expect(job.createdRows).toBe(2);
    expect(job.errors.map((e: { line: number; endLine: number }) => [e.line, e.endLine])).toEqual([
      [5, 5],
      [8, 8],
      [9, 11],
    ]);
    expect(job.errors[2].reason).toMatch(/lines 9–11/);
  });

  it('re-importing updates only what the file gives, and keeps what it leaves out', async () => {
    const first = 'name,domain,segment,revenue,currency,ref\nAcme Re,acme-re.example,Enterprise,1200,EUR,re-1\n';
    await finished(
      (
        await upload(
          {
            kind: 'customers',
            mapping: JSON.stringify({
              name: 'name',
              domain: 'domain',
              segment: 'segment',
              revenue: 'revenue',
              currency: 'currency',
              ref: 'externalId',
            }),
          },
          first,
        )
      ).json().id,
    );
    // A later file names the customer only, and leaves the segment cell empty.
    const job = await finished(
      (
        await upload(
          { kind: 'customers', mapping: JSON.stringify({ name: 'name', segment: 'segment', ref: 'externalId' }) },
          'name,segment,ref\nAcme Renamed,,re-1\n',
        )
      ).json().id,
    );
    expect(job).toMatchObject({ status: 'done', createdRows: 0, updatedRows: 1 });
    const acme = (await owner.get(`${base}/customers?q=renamed`)).json().items[0];
    expect(acme).toMatchObject({ name: 'Acme Renamed', domain: 'acme-re.example', segment: 'Enterprise', revenue: 1200, currency: 'EUR' });
    // Feedback the customer gave is found by the new name.
    await finished(
      (
        await upload(
          { kind: 'insights', mapping: JSON.stringify({ text: 'text', c: 'customerExternalId' }) },
          'text,c\nSaid before the rename,re-1\n',
        )
      ).json().id,
    );
    await finished(
      (
        await upload({ kind: 'customers', mapping: JSON.stringify({ name: 'name', ref: 'externalId' }) }, 'name,ref\nAcme Rebranded,re-1\n')
      ).json().id,
    );
    const byNewName = (await owner.get(`${base}/search?q=rebranded&types=insight`)).json().items;
    expect(byNewName.map((h: { title: string }) => h.title)).toEqual([expect.stringContaining('Said before the rename')]);
    expect((await owner.get(`${base}/search?q=renamed&types=insight`)).json().items).toEqual([]);
    const log = (await owner.get(`${base}/activity?entity=customer&id=${acme.id}`)).json().items;
    expect(log[1]).toMatchObject({ action: 'reimported', changes: { name: { from: 'Acme Re', to: 'Acme Renamed' } } });

    // Insights: an unmapped source stays what it was.
    const insights = 'text,source,ref\nKeeps its source,interview,src-1\n';
    await finished(
      (await upload({ kind: 'insights', mapping: JSON.stringify({ text: 'text', source: 'source', ref: 'externalId' }) }, insights)).json()
        .id,
    );
    const again = await finished(
      (
        await upload(
          { kind: 'insights', mapping: JSON.stringify({ text: 'text', ref: 'externalId' }) },
          'text,ref\nKeeps its source (edited),src-1\n',
        )
      ).json().id,
    );
    expect(again).toMatchObject({ updatedRows: 1 });
    const kept = (await owner.get(`${base}/insights?q=${encodeURIComponent('keeps its source')}`)).json().items[0];
    expect(kept).toMatchObject({ text: 'Keeps its source (edited)', source: 'interview' });
  });

  it('keeps the text of an insight duplicates were merged into when its file is imported again', async () => {
    const csv = 'text,ref\nThe export button is hidden,m-1\nCannot find where to export,m-2\n';
    const mapping = JSON.stringify({ text: 'text', ref: 'externalId' });
    await finished((await upload({ kind: 'insights', mapping }, csv)).json().id);
    const items = (await owner.get(`${base}/insights?q=export&limit=50`)).json().items as { id: string; externalId: string }[];
    const kept = items.find((i) => i.externalId === 'm-1')!;
    const duplicate = items.find((i) => i.externalId === 'm-2')!;
    const merged = await owner.post(`${base}/insights/${kept.id}/merge`, { duplicateId: duplicate.id });
    expect(merged.statusCode).toBe(200);
    const mergedText = merged.json().text as string;
    expect(mergedText).toContain('Cannot find where to export');
    const job = await finished((await upload({ kind: 'insights', mapping }, csv)).json().id);
    expect(job).toMatchObject({ status: 'done', createdRows: 0, updatedRows: 0, unchangedRows: 2 });
    expect((await owner.get(`${base}/insights/${kept.id}`)).json().text).toBe(mergedText);
  });

  it('an import that fails half way keeps exactly the rows it reports', async () => {
    const failing =
      dialect === 'sqlite'
        ? [sql`create trigger fail_import before insert on insights when new.text = 'BOOM' begin select raise(abort, 'disk on fire'); end`]
        : [
            sql`create function fail_import() returns trigger language plpgsql as $$ begin if new.text = 'BOOM' then raise exception 'disk on fire'; end if; return new; end $$`,
            sql`create trigger fail_import before insert on insights for each row execute function fail_import()`,
          ];
    for (const statement of failing) await statement.execute(t.db.kysely);
    try {
      const before = await insightCount();
      const lines = ['text'];
      for (let i = 0; i < 7000; i++) lines.push(i === 6000 ? 'BOOM' : `Half way row ${i}`);
      const job = await finished(
        (await upload({ kind: 'insights', mapping: JSON.stringify({ text: 'text' }) }, lines.join('\n'))).json().id,
      );
      expect(job).toMatchObject({ status: 'failed', createdRows: 5000, notice: { code: 'failed_after_rows', params: { written: 5000 } } });
      expect(job.message).toMatch(/disk on fire/);
      const { rows } = await sql<{ n: number | string }>`select count(*) as n from insights where text like 'Half way row %'`.execute(
        t.db.kysely,
      );
      expect(Number(rows[0]!.n)).toBe(5000);
      expect(before).toBeLessThanOrEqual(await insightCount());
    } finally {
      await sql`drop trigger fail_import ${dialect === 'postgres' ? sql`on insights` : sql``}`.execute(t.db.kysely);
    }
  });

  it('closes imports a stopped server left running, saying what they had written', async () => {
    const { closeInterruptedImports } = await import('./service.js');
    const id = (
      await finished((await upload({ kind: 'insights', mapping: JSON.stringify({ text: 'text' }) }, 'text\nrestart\n')).json().id)
    ).id;
    await t.db.kysely.updateTable('imports').set({ status: 'running', finished_at: null, created_rows: 1 }).where('id', '=', id).execute();
    await closeInterruptedImports(t.db.kysely);
    const job = (await owner.get(`${base}/imports/${id}`)).json();
    expect(job).toMatchObject({ status: 'failed', notice: { code: 'interrupted', params: { written: 1 } } });
    expect(job.finishedAt).not.toBeNull();
  });

  it('stores formula cells as text', async () => {
    await finished(
      (await upload({ kind: 'insights', mapping: JSON.stringify({ text: 'text' }) }, 'text\n"=HYPERLINK(""http://x"",""y"")"\n')).json().id,
    );
    const found = (await owner.get(`${base}/insights?q=hyperlink`)).json().items[0];
    expect(found.text).toBe('=HYPERLINK("http://x","y")');
  });

  it('refuses bad uploads with a clear 4xx and writes nothing', async () => {
    const before = await insightCount();
    expect((await upload({ kind: 'insights', mapping: '{bad json' }, 'text\nx\n')).statusCode).toBe(400);
    expect((await upload({ kind: 'insights', mapping: JSON.stringify({ nope: 'text' }) }, 'text\nx\n')).json().errors[0].path).toBe(
      'mapping.nope',
    );
    expect((await upload({ kind: 'insights', mapping: JSON.stringify({ text: 'owner' }) }, 'text\nx\n')).statusCode).toBe(400);
    expect((await upload({ kind: 'planets', mapping: '{}' }, 'text\nx\n')).statusCode).toBe(400);
    expect((await upload({ kind: 'insights', mapping: JSON.stringify({ text: 'text' }) }, '')).statusCode).toBe(400);
    expect(
      (await upload({ kind: 'insights', mapping: JSON.stringify({ text: 'text' }) }, Buffer.from([0x00, 0x01, 0x02]))).statusCode,
    ).toBe(400);
    expect((await owner.post(`${base}/imports`, { kind: 'insights' })).statusCode).toBe(415);
    expect(await insightCount()).toBe(before);
  });

  it('refuses a large file with binary data past its first rows, before recording any job', async () => {
    const before = await insightCount();
    const jobs = (await owner.get(`${base}/imports`)).json().items.length;
    const rows = ['text'];
    for (let i = 0; i < 20_000; i++) rows.push(`Fine row number ${i}`);
    const bytes = Buffer.concat([Buffer.from(rows.join('\n')), Buffer.from([0x0a, 0x00, 0x01, 0x02])]);
    expect(bytes.length).toBeGreaterThan(256 * 1024); // checked on a worker thread
    const res = await upload({ kind: 'insights', mapping: JSON.stringify({ text: 'text' }) }, bytes);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ path: 'file', message: expect.stringContaining('binary') });
    expect(await insightCount()).toBe(before);
    expect((await owner.get(`${base}/imports`)).json().items.length).toBe(jobs);
  });

  it('refuses files over the size limit with 413', async () => {
    const small = await startTestApp('sqlite', { importMaxBytes: 1024 });
    try {
      const o = await setupOwner(small.app);
      const slug = (await o.post('/api/v1/workspaces', { name: 'Tiny' })).json().slug;
      const f = form(
        { kind: 'insights', mapping: JSON.stringify({ text: 'text' }) },
        { name: 'big.csv', content: `text\n${'x'.repeat(5000)}\n` },
      );
      const res = await o.request('POST', `/api/v1/workspaces/${slug}/imports`, f.body, f.headers);
      expect(res.statusCode).toBe(413);
      expect(res.json().code).toBe('payload_too_large');
    } finally {
      await small.close();
    }
  });
});
