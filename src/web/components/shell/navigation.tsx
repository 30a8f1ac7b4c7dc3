import { Box, Stack, Text } from '@mantine/core';
import {
  IconActivity,
  IconBox,
  IconBuildingStore,
  IconBulb,
  IconSettings,
  IconSortDescendingNumbers,
  IconSparkles,
  IconUsers,
} from '@tabler/icons-react';
import { useLocation } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AREA_ICONS, AREAS, STRATEGY_ICON } from '../../routes/areas/areas.js';
import { NavLinkLink } from '../links.js';
import classes from './shell.module.css';

function Section({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box component="section" aria-label={label}>
      <Text className={classes.sectionLabel} aria-hidden>
        {label}
      </Text>
      <Stack gap={2}>{children}</Stack>
    </Box>
  );
}

/** The left navigation of a workspace: the product areas, then the workspace itself. */
export function Navigation({ workspace, onNavigate }: { workspace: string; onNavigate?: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const base = `/w/${workspace}`;
  const isActive = (path: string) => pathname === `${base}/${path}` || pathname.startsWith(`${base}/${path}/`);
  const linkProps = { className: classes.navLink, onClick: onNavigate } as const;
  return (
    <Stack gap="lg">
      <Section label={t('nav.sectionProduct')}>
        <NavLinkLink
          {...linkProps}
          to="/w/$workspace/products"
          params={{ workspace }}
          label={t('nav.products')}
          leftSection={<IconBox size={18} stroke={1.7} aria-hidden />}
          active={isActive('products')}
          aria-current={isActive('products') ? 'page' : undefined}
        />
        <NavLinkLink
          {...linkProps}
          to="/w/$workspace/insights"
          params={{ workspace }}
          label={t('nav.insights')}
          leftSection={<IconBulb size={18} stroke={1.7} aria-hidden />}
          active={isActive('insights')}
          aria-current={isActive('insights') ? 'page' : undefined}
        />
        <NavLinkLink
          {...linkProps}
          to="/w/$workspace/features"
          params={{ workspace }}
          label={t('nav.features')}
          leftSection={<IconSparkles size={18} stroke={1.7} aria-hidden />}
          active={isActive('features')}
          aria-current={isActive('features') ? 'page' : undefined}
        />
        <NavLinkLink
          {...linkProps}
          to="/w/$workspace/prioritise"
          params={{ workspace }}
          label={t('nav.prioritise')}
          leftSection={<IconSortDescendingNumbers size={18} stroke={1.7} aria-hidden />}
          active={isActive('prioritise')}
          aria-current={isActive('prioritise') ? 'page' : undefined}
        />
        <NavLinkLink
          {...linkProps}
          to="/w/$workspace/customers"
          params={{ workspace }}
          label={t('nav.customers')}
          leftSection={<IconBuildingStore size={18} stroke={1.7} aria-hidden />}
          active={isActive('customers')}
          aria-current={isActive('customers') ? 'page' : undefined}
        />
        <NavLinkLink
          {...linkProps}
          to="/w/$workspace/strategy"
          params={{ workspace }}
          label={t('areas.strategy.title')}
          leftSection={<STRATEGY_ICON size={18} stroke={1.7} aria-hidden />}
          active={isActive('strategy')}
          aria-current={isActive('strategy') ? 'page' : undefined}
        />
        {AREAS.map((area) => {
          const Icon = AREA_ICONS[area];
          return (
            <NavLinkLink
              key={area}
              {...linkProps}
              to="/w/$workspace/$area"
              params={{ workspace, area }}
              label={t(`areas.${area}.title`)}
              leftSection={<Icon size={18} stroke={1.7} aria-hidden />}
              rightSection={<span className={classes.soon}>{t('nav.soon')}</span>}
              active={isActive(area)}
              aria-current={isActive(area) ? 'page' : undefined}
            />
          );
        })}
      </Section>
      <Section label={t('nav.sectionWorkspace')}>
        <NavLinkLink
          {...linkProps}
          to="/w/$workspace/activity"
          params={{ workspace }}
          label={t('nav.activity')}
          leftSection={<IconActivity size={18} stroke={1.7} aria-hidden />}
          active={isActive('activity')}
          aria-current={isActive('activity') ? 'page' : undefined}
        />
        <NavLinkLink
          {...linkProps}
          to="/w/$workspace/members"
          params={{ workspace }}
          label={t('nav.members')}
          leftSection={<IconUsers size={18} stroke={1.7} aria-hidden />}
          active={isActive('members')}
          aria-current={isActive('members') ? 'page' : undefined}
        />
        <NavLinkLink
          {...linkProps}
          to="/w/$workspace/settings"
          params={{ workspace }}
          label={t('nav.settings')}
          leftSection={<IconSettings size={18} stroke={1.7} aria-hidden />}
          active={isActive('settings')}
          aria-current={isActive('settings') ? 'page' : undefined}
        />
      </Section>
    </Stack>
  );
}
