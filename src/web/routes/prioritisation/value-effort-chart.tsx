import { Box, Group, Text, useComputedColorScheme, useMantineTheme } from '@mantine/core';
import { type KeyboardEvent, type PointerEvent, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CartesianGrid,
  DefaultZIndexes,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  ScatterChart,
  useXAxisInverseScale,
  useXAxisScale,
  useYAxisInverseScale,
  useYAxisScale,
  XAxis,
  YAxis,
  ZIndexLayer,
} from 'recharts';
import { type Quadrant, quadrantOf, VALUE_EFFORT_SCALE } from '../../../domain/scoring/index.js';
import { useScoreLabels } from '../../components/score/labels.js';
import classes from './prioritisation.module.css';

export interface ChartPoint {
  id: string;
  title: string;
  value: number;
  effort: number;
}

export interface ValueEffortChartProps {
  points: readonly ChartPoint[];
  midpoint: number;
  canEdit: boolean;
  onOpen: (id: string) => void;
  /** A point dragged (or moved with the arrow keys) to a new value and effort. */
  onMove: (id: string, value: number, effort: number) => void;
}

const QUADRANT_COLORS: Record<Quadrant, string> = {
  quick_win: 'teal',
  big_bet: 'cairn',
  fill_in: 'gray',
  time_sink: 'orange',
};

const { min: MIN, max: MAX } = VALUE_EFFORT_SCALE;
const clamp = (n: number) => Math.min(MAX, Math.max(MIN, Math.round(n)));

/**
 * Features that share a cell (inputs are whole numbers) are spread on a small circle around
 * it, so each one can be seen, hovered, clicked and dragged on its own. Deterministic: the
 * same list always draws the same picture.
 */
export function spread(points: readonly ChartPoint[]): (ChartPoint & { dx: number; dy: number })[] {
  const groups = new Map<string, ChartPoint[]>();
  for (const p of points) {
    const key = `${p.value}:${p.effort}`;
    const group = groups.get(key);
    if (group) group.push(p);
    else groups.set(key, [p]);
  }
  const out: (ChartPoint & { dx: number; dy: number })[] = [];
  for (const group of groups.values()) {
    const n = group.length;
    group.forEach((p, i) => {
      if (n === 1) {
        out.push({ ...p, dx: 0, dy: 0 });
        return;
      }
      const ring = Math.floor(i / 8);
      const angle = (2 * Math.PI * (i % 8)) / Math.min(8, n - ring * 8) + ring * 0.4;
      const radius = Math.min(0.34, 0.16 + ring * 0.1);
      out.push({ ...p, dx: Math.cos(angle) * radius, dy: Math.sin(angle) * radius });
    });
  }
  return out;
}

/** Value vs effort as a 2×2: quick wins, big bets, fill-ins, time sinks. Loaded with the tab (recharts is heavy). */
export default function ValueEffortChart({ points, midpoint, canEdit, onOpen, onMove }: ValueEffortChartProps) {
  const { t } = useTranslation();
  const labels = useScoreLabels();
  const theme = useMantineTheme();
  const scheme = useComputedColorScheme('light');
  const [hover, setHover] = useState<{ id: string; x: number; y: number } | null>(null);
  const shade = (color: string, light: number, dark: number) => theme.colors[color]?.[scheme === 'dark' ? dark : light] ?? color;
  const areas: { quadrant: Quadrant; x1: number; x2: number; y1: number; y2: number }[] = [
    { quadrant: 'quick_win', x1: MIN - 0.5, x2: midpoint, y1: midpoint, y2: MAX + 0.5 },
    { quadrant: 'big_bet', x1: midpoint, x2: MAX + 0.5, y1: midpoint, y2: MAX + 0.5 },
    { quadrant: 'fill_in', x1: MIN - 0.5, x2: midpoint, y1: MIN - 0.5, y2: midpoint },
    { quadrant: 'time_sink', x1: midpoint, x2: MAX + 0.5, y1: MIN - 0.5, y2: midpoint },
  ];
  const spreadPoints = useMemo(() => spread(points), [points]);
  const hovered = hover ? points.find((p) => p.id === hover.id) : undefined;
  const ticks = Array.from({ length: MAX - MIN + 1 }, (_, i) => MIN + i);
  const axisColor = scheme === 'dark' ? theme.colors.dark[2] : theme.colors.gray[6];

  return (
    <Box pos="relative" data-testid="value-effort-chart">
      <ResponsiveContainer width="100%" height={460}>
        <ScatterChart margin={{ top: 12, right: 16, bottom: 28, left: 8 }}>
          {areas.map((a) => (
            <ReferenceArea
              key={a.quadrant}
              x1={a.x1}
              x2={a.x2}
              y1={a.y1}
              y2={a.y2}
              fill={shade(QUADRANT_COLORS[a.quadrant], 0, 9)}
              fillOpacity={scheme === 'dark' ? 0.22 : 0.55}
              stroke="none"
              ifOverflow="hidden"
              label={{
                value: labels.quadrant(a.quadrant),
                position: a.quadrant === 'quick_win' || a.quadrant === 'fill_in' ? 'insideTopLeft' : 'insideTopRight',
                fill: shade(QUADRANT_COLORS[a.quadrant], 8, 3),
                fontSize: 13,
                fontWeight: 600,
              }}
            />
          ))}
          <CartesianGrid strokeDasharray="3 3" stroke={scheme === 'dark' ? theme.colors.dark[4] : theme.colors.gray[2]} />
          <XAxis
            type="number"
            dataKey="effort"
            domain={[MIN - 0.5, MAX + 0.5]}
            ticks={ticks}
            allowDataOverflow
            stroke={axisColor}
            tick={{ fill: axisColor, fontSize: 12 }}
            label={{ value: t('prioritise.chart.effortAxis'), position: 'insideBottom', offset: -16, fill: axisColor, fontSize: 12 }}
          />
          <YAxis
            type="number"
            dataKey="value"
            domain={[MIN - 0.5, MAX + 0.5]}
            ticks={ticks}
            allowDataOverflow
            width={44}
            stroke={axisColor}
            tick={{ fill: axisColor, fontSize: 12 }}
            label={{
              value: t('prioritise.chart.valueAxis'),
              angle: -90,
              position: 'insideLeft',
              offset: 12,
              fill: axisColor,
              fontSize: 12,
            }}
          />
          <ReferenceLine x={midpoint} stroke={axisColor} strokeDasharray="4 4" />
          <ReferenceLine y={midpoint} stroke={axisColor} strokeDasharray="4 4" />
          <ZIndexLayer zIndex={DefaultZIndexes.scatter}>
            <Points
              points={spreadPoints}
              midpoint={midpoint}
              canEdit={canEdit}
              onOpen={onOpen}
              onMove={onMove}
              onHover={setHover}
              colorOf={(q) => shade(QUADRANT_COLORS[q], 6, 5)}
              ring={scheme === 'dark' ? theme.colors.dark[7] : theme.white}
              describe={(p) =>
                t('prioritise.chart.pointLabel', {
                  title: p.title,
                  value: p.value,
                  effort: p.effort,
                  quadrant: labels.quadrant(quadrantOf(p.value >= midpoint, p.effort >= midpoint)),
                })
              }
            />
          </ZIndexLayer>
        </ScatterChart>
      </ResponsiveContainer>
      {hovered && hover && (
        <div className={classes.chartTip} style={{ left: hover.x, top: hover.y }} role="status">
          <Text size="sm" fw={650} lineClamp={2}>
            {hovered.title}
          </Text>
          <Text size="xs" c="dimmed">
            {t('prioritise.chart.tip', { value: hovered.value, effort: hovered.effort })}
          </Text>
        </div>
      )}
      <Group gap="lg" mt={4} justify="center">
        <Text size="xs" c="dimmed">
          {canEdit ? t('prioritise.chart.hintEdit') : t('prioritise.chart.hintRead')}
        </Text>
      </Group>
    </Box>
  );
}

interface PointsProps {
  points: (ChartPoint & { dx: number; dy: number })[];
  midpoint: number;
  canEdit: boolean;
  onOpen: (id: string) => void;
  onMove: (id: string, value: number, effort: number) => void;
  onHover: (hover: { id: string; x: number; y: number } | null) => void;
  colorOf: (q: Quadrant) => string;
  ring: string;
  describe: (p: ChartPoint) => string;
}

/** The features, drawn inside the chart with its scales: hover, click, drag, or arrows to move. */
function Points({ points, midpoint, canEdit, onOpen, onMove, onHover, colorOf, ring, describe }: PointsProps) {
  const x = useXAxisScale();
  const y = useYAxisScale();
  const xInverse = useXAxisInverseScale();
  const yInverse = useYAxisInverseScale();
  const drag = useRef<{ id: string; startX: number; startY: number; moved: boolean } | null>(null);
  const [ghost, setGhost] = useState<{ id: string; value: number; effort: number } | null>(null);
  if (!x || !y) return null;

  const toData = (event: PointerEvent<SVGElement>) => {
    const svg = (event.currentTarget as SVGElement).ownerSVGElement;
    if (!svg || !xInverse || !yInverse) return null;
    const box = svg.getBoundingClientRect();
    const effort = Number(xInverse(event.clientX - box.left));
    const value = Number(yInverse(event.clientY - box.top));
    if (!Number.isFinite(effort) || !Number.isFinite(value)) return null;
    return { value: clamp(value), effort: clamp(effort) };
  };

  const onKey = (p: ChartPoint) => (event: KeyboardEvent<SVGElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      onOpen(p.id);
      return;
    }
    if (!canEdit) return;
    const moves: Record<string, [number, number]> = { ArrowUp: [1, 0], ArrowDown: [-1, 0], ArrowRight: [0, 1], ArrowLeft: [0, -1] };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    const value = clamp(p.value + move[0]);
    const effort = clamp(p.effort + move[1]);
    if (value !== p.value || effort !== p.effort) onMove(p.id, value, effort);
  };

  return (
    <g className={classes.points}>
      {points.map((p) => {
        const cx = Number(x(p.effort + p.dx));
        const cy = Number(y(p.value + p.dy));
        const quadrant = quadrantOf(p.value >= midpoint, p.effort >= midpoint);
        const moving = ghost?.id === p.id ? ghost : null;
        return (
          // biome-ignore lint/a11y/useSemanticElements: an SVG point cannot be a <button>; it behaves as one
          <g
            key={p.id}
            role="button"
            tabIndex={0}
            aria-label={describe(p)}
            data-testid="chart-point"
            data-quadrant={quadrant}
            className={classes.point}
            data-editable={canEdit || undefined}
            onPointerEnter={() => onHover({ id: p.id, x: cx, y: cy })}
            onPointerLeave={() => onHover(null)}
            onFocus={() => onHover({ id: p.id, x: cx, y: cy })}
            onBlur={() => onHover(null)}
            onKeyDown={onKey(p)}
            onPointerDown={(event) => {
              drag.current = { id: p.id, startX: event.clientX, startY: event.clientY, moved: false };
              if (canEdit) event.currentTarget.setPointerCapture(event.pointerId);
            }}
            onPointerMove={(event) => {
              const d = drag.current;
              if (!d || d.id !== p.id || !canEdit) return;
              if (!d.moved && Math.hypot(event.clientX - d.startX, event.clientY - d.startY) < 4) return;
              d.moved = true;
              const at = toData(event);
              if (at) setGhost({ id: p.id, ...at });
            }}
            onPointerUp={(event) => {
              const d = drag.current;
              drag.current = null;
              if (!d || d.id !== p.id) return;
              if (!d.moved) {
                setGhost(null);
                onOpen(p.id);
                return;
              }
              const at = toData(event);
              setGhost(null);
              if (at && (at.value !== p.value || at.effort !== p.effort)) onMove(p.id, at.value, at.effort);
            }}
            onPointerCancel={() => {
              drag.current = null;
              setGhost(null);
            }}
          >
            <circle cx={cx} cy={cy} r={8} fill={colorOf(quadrant)} stroke={ring} strokeWidth={2} opacity={moving ? 0.35 : 1} />
            {moving && (
              <circle
                cx={Number(x(moving.effort))}
                cy={Number(y(moving.value))}
                r={9}
                fill="none"
                stroke={colorOf(quadrantOf(moving.value >= midpoint, moving.effort >= midpoint))}
                strokeWidth={2.5}
                strokeDasharray="3 2"
              />
            )}
          </g>
        );
      })}
    </g>
  );
}
