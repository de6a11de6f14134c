import type { ButtonHTMLAttributes } from "react";
import { cx } from "./cx";

export type ButtonVariant = "primary" | "secondary" | "ghost";
export type ButtonSize = "md" | "lg";

export interface ButtonStyle {
  variant?: ButtonVariant;
  size?: ButtonSize;
  fullWidth?: boolean;
}

const variants: Record<ButtonVariant, string> = {
  primary: "bg-tenang-600 text-white shadow-sm hover:bg-tenang-700 active:bg-tenang-800",
  secondary: "border border-sand-300 bg-white text-sand-900 hover:bg-sand-100 active:bg-sand-200",
  ghost: "text-sand-700 hover:bg-sand-100 active:bg-sand-200",
};

const sizes: Record<ButtonSize, string> = {
  md: "h-10 px-4 text-sm",
  lg: "h-12 px-6 text-base",
};

/** The button look as a class string, for links that should look like buttons (e.g. next/link). */
export function buttonClassName({ variant = "primary", size = "md", fullWidth = false }: ButtonStyle = {}): string {
  return cx(
    "inline-flex items-center justify-center gap-2 rounded-full font-medium transition-colors",
    "disabled:cursor-not-allowed disabled:opacity-50",
    variants[variant],
    sizes[size],
    fullWidth && "w-full",
  );
}

export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & ButtonStyle;

export function Button({ variant, size, fullWidth, className, type = "button", ...props }: ButtonProps) {
  return <button type={type} className={cx(buttonClassName({ variant, size, fullWidth }), className)} {...props} />;
}
