import { Group, Text } from '@mantine/core';

/** The Cairn mark: four stacked stones, the trail marker hikers leave for those who follow. */
export function LogoMark({ size = 28, title }: { size?: number; title?: string }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 32 32"
      role={title ? 'img' : undefined}
      aria-hidden={title ? undefined : true}
      aria-label={title}
      style={{ flexShrink: 0, display: 'block' }}
    >
      <rect width="32" height="32" rx="8" fill="var(--mantine-color-cairn-7)" />
      <rect x="5.5" y="21.2" width="21" height="6.4" rx="3.2" fill="#fff" opacity="0.97" />
      <rect x="8.4" y="14.9" width="14.6" height="5.6" rx="2.8" fill="#fff" opacity="0.86" transform="rotate(-4 15.7 17.7)" />
      <rect x="11" y="9.3" width="10" height="4.9" rx="2.45" fill="#fff" opacity="0.76" transform="rotate(5 16 11.75)" />
      <rect x="13.3" y="4.5" width="5.6" height="4" rx="2" fill="#fff" opacity="0.66" transform="rotate(-7 16.1 6.5)" />
    </svg>
  );
}

export function Logo({ size = 28 }: { size?: number }) {
  return (
    <Group gap={10} wrap="nowrap">
      <LogoMark size={size} />
      <Text component="span" fw={700} fz={size * 0.64} lh={1} style={{ letterSpacing: '-0.02em' }}>
        Cairn
      </Text>
    </Group>
  );
}
