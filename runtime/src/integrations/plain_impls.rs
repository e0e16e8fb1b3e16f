//! The plain trait impls of the integrations' configuration types, generic over an error type
//! they only name: no bound on it, as `#[derive]` would add.

/// `Default` (`new()`), `Clone` (a copy) and `Debug` (the listed fields) for `$type<E>`.
macro_rules! plain_impls {
    ($type:ident { $($field:ident),* }) => {
        impl<E> Default for $type<E> {
            fn default() -> Self {
                $type::new()
            }
        }

        impl<E> Clone for $type<E> {
            fn clone(&self) -> Self {
                $type { ..*self }
            }
        }

        impl<E> core::fmt::Debug for $type<E> {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.debug_struct(stringify!($type))
                    $(.field(stringify!($field), &self.$field))*
                    .finish()
            }
        }
    };
}
