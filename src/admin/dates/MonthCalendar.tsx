/**
 * A month to pick a day from, weeks starting on Monday, names in the interface language.
 */
import * as React from 'react';
import { useIntl } from 'react-intl';
import { styled } from 'styled-components';
import { Box, Flex, IconButton, Typography } from '@strapi/design-system';
import { ChevronLeft, ChevronRight } from '@strapi/icons';
import { monthWeeks } from './parse';
import { messages } from './messages';

type Props = { selected: string | undefined; onPick: (day: string) => void };

const dayOf = (value: string) => new Date(`${value}T12:00:00Z`);

export function MonthCalendar({ selected, onPick }: Props) {
  const { formatMessage, formatDate } = useIntl();
  const today = new Date().toISOString().slice(0, 10);
  const [shown, setShown] = React.useState(() => {
    const [year, month] = (selected ?? today).split('-').map(Number);
    return { year, month };
  });
  const weeks = monthWeeks(shown.year, shown.month);
  const move = (by: number) =>
    setShown(({ year, month }) => {
      const index = year * 12 + (month - 1) + by;
      return { year: Math.floor(index / 12), month: (index % 12) + 1 };
    });

  return (
    <Box padding={3}>
      <Flex justifyContent="space-between" paddingBottom={2}>
        <IconButton label={formatMessage(messages.previousMonth)} variant="ghost" onClick={() => move(-1)}>
          <ChevronLeft />
        </IconButton>
        <Typography fontWeight="bold" aria-live="polite">
          {formatDate(new Date(Date.UTC(shown.year, shown.month - 1, 15)), { month: 'long', year: 'numeric', timeZone: 'UTC' })}
        </Typography>
        <IconButton label={formatMessage(messages.nextMonth)} variant="ghost" onClick={() => move(1)}>
          <ChevronRight />
        </IconButton>
      </Flex>
      <table role="grid">
        <thead>
          <tr>
            {weeks[0].map((day) => (
              <th key={day} scope="col" abbr={formatDate(dayOf(day), { weekday: 'long', timeZone: 'UTC' })}>
                <Typography variant="pi" textColor="neutral600">
                  {formatDate(dayOf(day), { weekday: 'short', timeZone: 'UTC' })}
                </Typography>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]}>
              {week.map((day) => {
                const inMonth = Number(day.slice(5, 7)) === shown.month;
                return (
                  <td key={day} aria-selected={day === selected}>
                    <DayButton
                      type="button"
                      aria-label={formatDate(dayOf(day), { dateStyle: 'full', timeZone: 'UTC' })}
                      $selected={day === selected}
                      $today={day === today}
                      $inMonth={inMonth}
                      onClick={() => onPick(day)}
                    >
                      {Number(day.slice(8, 10))}
                    </DayButton>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </Box>
  );
}

type DayStyle = { $selected: boolean; $today: boolean; $inMonth: boolean };

const DayButton = styled.button<DayStyle>`
  width: 3.6rem;
  height: 3.2rem;
  border-radius: ${({ theme }) => theme.borderRadius};
  border: 1px solid ${({ theme, $today }) => ($today ? theme.colors.primary600 : 'transparent')};
  background: ${({ theme, $selected }) => ($selected ? theme.colors.primary600 : 'transparent')};
  color: ${({ theme, $selected, $inMonth }) => ($selected ? theme.colors.neutral0 : $inMonth ? theme.colors.neutral800 : theme.colors.neutral500)};
  cursor: pointer;
  font: inherit;

  &:hover {
    background: ${({ theme, $selected }) => ($selected ? theme.colors.primary700 : theme.colors.primary100)};
  }
`;
