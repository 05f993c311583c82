// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <memory>
#include <utility>
#include <vector>

namespace tidemark {

/// A sequence of immutable elements, each held by a shared pointer. Read like a const
/// std::vector<T>; grown only at the end. Copying it, or taking the first elements of
/// another (sharePrefix), shares the elements instead of copying them: a run continued from
/// an earlier one's batch N reuses that run's first N batches for the price of N pointers.
template <typename T>
class SharedVector
{
    using Slots = std::vector<std::shared_ptr<const T>>;

public:
    class const_iterator
    {
    public:
        using iterator_concept = std::random_access_iterator_tag;
        using iterator_category = std::random_access_iterator_tag;
        using value_type = T;
        using difference_type = std::ptrdiff_t;
        using pointer = const T*;
        using reference = const T&;

        const_iterator() = default;
        explicit const_iterator(typename Slots::const_iterator at) : m_at(at) {}

        reference operator*() const { return **m_at; }
        pointer operator->() const { return m_at->get(); }
        reference operator[](difference_type n) const { return *m_at[n]; }
        const_iterator& operator++() { ++m_at; return *this; }
        const_iterator operator++(int) { return const_iterator(m_at++); }
        const_iterator& operator--() { --m_at; return *this; }
        const_iterator operator--(int) { return const_iterator(m_at--); }
        const_iterator& operator+=(difference_type n) { m_at += n; return *this; }
        const_iterator& operator-=(difference_type n) { m_at -= n; return *this; }
        friend const_iterator operator+(const_iterator i, difference_type n) { return i += n; }
        friend const_iterator operator+(difference_type n, const_iterator i) { return i += n; }
        friend const_iterator operator-(const_iterator i, difference_type n) { return i -= n; }
        friend difference_type operator-(const const_iterator& a, const const_iterator& b) { return a.m_at - b.m_at; }
        friend bool operator==(const const_iterator& a, const const_iterator& b) { return a.m_at == b.m_at; }
        friend auto operator<=>(const const_iterator& a, const const_iterator& b) { return a.m_at <=> b.m_at; }

    private:
        typename Slots::const_iterator m_at;
    };
    using iterator = const_iterator;
    using value_type = T;
    using size_type = std::size_t;
    using const_reference = const T&;
    using reference = const T&;

    SharedVector() = default;

    std::size_t size() const { return m_slots.size(); }
    bool empty() const { return m_slots.empty(); }
    const T& operator[](std::size_t i) const { return *m_slots[i]; }
    const T& front() const { return *m_slots.front(); }
    const T& back() const { return *m_slots.back(); }
    const_iterator begin() const { return const_iterator(m_slots.begin()); }
    const_iterator end() const { return const_iterator(m_slots.end()); }

    void push_back(T value) { m_slots.push_back(std::make_shared<const T>(std::move(value))); }
    void reserve(std::size_t n) { m_slots.reserve(n); }
    void clear() { m_slots.clear(); }
    /// Makes this the first `n` elements of `other`, shared with it.
    void sharePrefix(const SharedVector& other, std::size_t n)
    {
        m_slots.assign(other.m_slots.begin(), other.m_slots.begin() + static_cast<std::ptrdiff_t>(std::min(n, other.size())));
    }

private:
    Slots m_slots;
};

} // namespace tidemark
