import { Anchor, type AnchorProps, Button, type ButtonProps, NavLink, type NavLinkProps } from '@mantine/core';
import { createLink, type LinkComponent } from '@tanstack/react-router';
import { type AnchorHTMLAttributes, forwardRef } from 'react';

/** Mantine components as type-checked router links (routes and params are checked). */
type AnchorAttrs = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'color' | 'style'>;

const MantineAnchor = forwardRef<HTMLAnchorElement, AnchorProps & AnchorAttrs>((props, ref) => <Anchor ref={ref} {...props} />);
const MantineButton = forwardRef<HTMLAnchorElement, ButtonProps & AnchorAttrs>((props, ref) => (
  <Button component="a" ref={ref} {...props} />
));
const MantineNavLink = forwardRef<HTMLAnchorElement, NavLinkProps & AnchorAttrs>((props, ref) => <NavLink ref={ref} {...props} />);

const CreatedAnchor = createLink(MantineAnchor);
const CreatedButton = createLink(MantineButton);
const CreatedNavLink = createLink(MantineNavLink);

export const AnchorLink: LinkComponent<typeof MantineAnchor> = (props) => <CreatedAnchor preload="intent" {...props} />;
export const ButtonLink: LinkComponent<typeof MantineButton> = (props) => <CreatedButton preload="intent" {...props} />;
export const NavLinkLink: LinkComponent<typeof MantineNavLink> = (props) => <CreatedNavLink preload="intent" {...props} />;
