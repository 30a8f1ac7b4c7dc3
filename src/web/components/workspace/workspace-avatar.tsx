import { Avatar } from '@mantine/core';

const COLORS = ['cairn', 'teal', 'grape', 'orange', 'cyan', 'pink', 'lime', 'violet'];

function colorOf(seed: string): string {
  let hash = 0;
  for (const ch of seed) hash = (hash * 31 + ch.charCodeAt(0)) | 0;
  return COLORS[Math.abs(hash) % COLORS.length] ?? 'cairn';
}

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? `${parts[0]?.[0] ?? ''}${parts[1]?.[0] ?? ''}` : name.trim().slice(0, 2);
  return letters.toUpperCase() || '?';
}

export function WorkspaceAvatar({ name, seed, size = 28 }: { name: string; seed: string; size?: number }) {
  return (
    <Avatar size={size} radius="md" color={colorOf(seed)} variant="filled" aria-hidden>
      {initials(name)}
    </Avatar>
  );
}

export function PersonAvatar({ name, seed, size = 28 }: { name: string; seed: string; size?: number }) {
  return (
    <Avatar size={size} radius="xl" color={colorOf(seed)} variant="light" aria-hidden>
      {initials(name)}
    </Avatar>
  );
}
