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
      <ellipse cx="16" cy="24" rx="9" ry="3.6" fill="#fff" opacity="0.96" />
      <ellipse cx="15.4" cy="17.3" rx="6.6" ry="3" fill="#fff" opacity="0.84" />
      <ellipse cx="16.3" cy="11.3" rx="4.4" ry="2.5" fill="#fff" opacity="0.72" />
      <ellipse cx="15.8" cy="6.5" rx="2.4" ry="1.7" fill="#fff" opacity="0.6" />
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
