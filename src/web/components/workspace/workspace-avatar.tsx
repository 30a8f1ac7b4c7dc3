import { Avatar } from '@mantine/core';

/** Deep tones: white initials on them pass WCAG AA contrast. */
const TONES = ['#3b44bd', '#0b7285', '#862e9c', '#a61e4d', '#237032', '#5f3dc4', '#1864ab', '#b35309'];

function toneOf(seed: string): string {
  let hash = 0;
  for (const ch of seed) hash = (hash * 31 + ch.charCodeAt(0)) | 0;
  return TONES[Math.abs(hash) % TONES.length] ?? '#3b44bd';
}

export function initials(name: string): string {
  const parts = name
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  const letters = parts.length > 1 ? `${parts[0]?.[0] ?? ''}${parts[1]?.[0] ?? ''}` : (parts[0] ?? '').slice(0, 2);
  return letters.toUpperCase() || '?';
}

function Initials({ name, seed, size, radius }: { name: string; seed: string; size: number; radius: 'md' | 'xl' }) {
  return (
    <Avatar
      size={size}
      radius={radius}
      aria-hidden
      styles={{ placeholder: { background: toneOf(seed), color: '#fff', border: 0, fontWeight: 650 } }}
    >
      {initials(name)}
    </Avatar>
  );
}

export function WorkspaceAvatar({ name, seed, size = 28 }: { name: string; seed: string; size?: number }) {
  return <Initials name={name} seed={seed} size={size} radius="md" />;
}

export function PersonAvatar({ name, seed, size = 28 }: { name: string; seed: string; size?: number }) {
  return <Initials name={name} seed={seed} size={size} radius="xl" />;
}
