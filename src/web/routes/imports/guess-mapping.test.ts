import { describe, expect, it } from 'vitest';
import { guessMapping, normalizeHeader } from './guess-mapping.js';

describe('CSV header guessing', () => {
  it('normalises accents, case and punctuation', () => {
    expect(normalizeHeader('  Étiquettes (séparées) ')).toBe('etiquettes separees');
    expect(normalizeHeader("Chiffre d'affaires")).toBe('chiffre d affaires');
  });

  it('maps English feedback exports', () => {
    expect(guessMapping(['ID', 'Feedback', 'Customer', 'Email', 'Date', 'Tags', 'Priority', 'Product'], 'insights')).toEqual({
      ID: 'externalId',
      Feedback: 'text',
      Customer: 'customer',
      Email: 'personEmail',
      Date: 'receivedAt',
      Tags: 'tags',
      Priority: 'importance',
      Product: 'product',
    });
  });

  it('maps French feedback exports', () => {
    expect(guessMapping(['Réf', 'Commentaire', 'Société', 'Nom', 'Date', 'Étiquettes', 'Priorité', 'Canal'], 'insights')).toEqual({
      Réf: 'externalId',
      Commentaire: 'text',
      Société: 'customer',
      Nom: 'personName',
      Date: 'receivedAt',
      Étiquettes: 'tags',
      Priorité: 'importance',
      Canal: 'source',
    });
    expect(guessMapping(['Retour', 'Client'], 'insights')).toEqual({ Retour: 'text', Client: 'customer' });
  });

  it('reads longer headers by the name they start with', () => {
    expect(guessMapping(['Commentaire client', 'Date de la demande', 'Nom du client'], 'insights')).toEqual({
      'Commentaire client': 'text',
      'Date de la demande': 'receivedAt',
      'Nom du client': 'customer',
    });
  });

  it('maps customer lists (CRM exports) in both languages', () => {
    expect(guessMapping(['Company', 'Domain', 'Segment', 'Plan', 'MRR', 'Currency', 'ID'], 'customers')).toEqual({
      Company: 'name',
      Domain: 'domain',
      Segment: 'segment',
      Plan: 'plan',
      MRR: 'revenue',
      Currency: 'currency',
      ID: 'externalId',
    });
    expect(guessMapping(['Raison sociale', 'Domaine', 'CA', 'Devise', 'Effectif'], 'customers')).toEqual({
      'Raison sociale': 'name',
      Domaine: 'domain',
      CA: 'revenue',
      Devise: 'currency',
      Effectif: 'size',
    });
  });

  it('gives each field to one column only and leaves unknown columns alone', () => {
    expect(guessMapping(['Feedback', 'Comment', 'Colour'], 'insights')).toEqual({ Feedback: 'text' });
  });
});
